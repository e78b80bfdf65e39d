import { beforeAll, describe, expect, it } from "vitest";
import { POST as postDefault } from "@/app/api/prompts/[id]/default/route";
import { GET as getOne } from "@/app/api/prompts/[id]/route";
import { POST as postPreview } from "@/app/api/prompts/preview/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/prompts/route";
import { db } from "@/lib/db/client";
import { countChatTokens } from "@/lib/llm/count-tokens";
import { createPromptVersion } from "@/lib/llm/prompts/create-prompt-version";
import { ensureDefaultPrompts } from "@/lib/llm/prompts/ensure-default-prompts";
import { getDefaultPrompt } from "@/lib/llm/prompts/get-default-prompt";
import { getPromptVersion } from "@/lib/llm/prompts/get-prompt-version";
import { listPrompts } from "@/lib/llm/prompts/list-prompts";
import type { PromptView } from "@/lib/llm/prompts/prompt-view";
import { useTestDatabase } from "../helpers/db";
import { call, seedUsers, withParams, type Users } from "./fixtures";

useTestDatabase();
let users: Users;
beforeAll(async () => {
  users = await seedUsers("prompts");
});

const draft = { system: "Rate it.", template: "{{language}} file {{path}}\n{{code}}", maxCodeChars: 300 };
const json = async (res: Response) => ({ status: res.status, body: await res.json() });

describe("prompt versions", () => {
  it("start with the built-in edu-v1 as default, created once under concurrency", async () => {
    await Promise.all([ensureDefaultPrompts(), ensureDefaultPrompts(), listPrompts()]);
    // One built-in version per task: edu-score, textbook, exercise.
    expect(await db().prompt.count({ where: { task: "edu-score" } })).toBe(1);
    expect(await db().prompt.count()).toBe(3);
    const def = await getDefaultPrompt("edu-score");
    expect(def).toMatchObject({ task: "edu-score", version: "edu-v1", maxCodeChars: 6000 });
    const list = await json(await listRoute(...call(users.viewer.token, "/api/prompts")));
    expect(list.body.prompts).toHaveLength(1);
    expect(list.body.prompts[0]).toMatchObject({ version: "edu-v1", isDefault: true, builtin: true, createdBy: null });
  });

  it("are created as new immutable versions by admins, with a unique valid name", async () => {
    const created = await json(await createRoute(...call(users.admin.token, "/api/prompts", { body: { version: "edu-v2", ...draft, notes: "shorter" } })));
    expect(created.status).toBe(200);
    expect(created.body.prompt).toMatchObject({ version: "edu-v2", task: "edu-score", isDefault: false, builtin: false, createdBy: "admin@prompts.test", notes: "shorter" });
    const dup = await json(await createRoute(...call(users.admin.token, "/api/prompts", { body: { version: "edu-v2", ...draft } })));
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatch(/already exists/);
    expect((await createRoute(...call(users.annotator.token, "/api/prompts", { body: { version: "x", ...draft } }))).status).toBe(403);
    for (const [body, message] of [
      [{ version: "has space", ...draft }, /letters, digits/],
      [{ version: "x".repeat(41), ...draft }, /at most 40/],
      [{ version: "", ...draft }, /required/],
      [{ version: "ok", ...draft, template: "no code here" }, /\{\{code\}\}/],
      [{ version: "ok", ...draft, template: "{{code}} {{langauge}}" }, /placeholders/],
      [{ version: "ok", ...draft, system: "  " }, /system/],
      [{ version: "ok", ...draft, maxCodeChars: 10 }, /at least 200/],
    ] as const) {
      const res = await json(await createRoute(...call(users.admin.token, "/api/prompts", { body })));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatch(message);
    }
    expect((await listPrompts()).map((p) => p.version)).toEqual(["edu-v2", "edu-v1"]);
  });

  it("switch the default per task, admins only", async () => {
    const v2 = await getPromptVersion({ version: "edu-v2" });
    expect((await postDefault(...withParams(call(users.viewer.token, `/api/prompts/${v2.id}/default`, { method: "POST" }), { id: String(v2.id) }))).status).toBe(403);
    const res = await json(await postDefault(...withParams(call(users.admin.token, `/api/prompts/${v2.id}/default`, { method: "POST" }), { id: String(v2.id) })));
    expect(res.body).toEqual({ default: { task: "edu-score", version: "edu-v2" } });
    expect((await getDefaultPrompt("edu-score")).version).toBe("edu-v2");
    const one = await json(await getOne(...withParams(call(users.viewer.token, `/api/prompts/${v2.id}`), { id: String(v2.id) })));
    expect(one.body.prompt).toMatchObject({ version: "edu-v2", isDefault: true });
    expect((await getOne(...withParams(call(users.viewer.token, "/api/prompts/999"), { id: "999" }))).status).toBe(404);
    expect((await postDefault(...withParams(call(users.admin.token, "/api/prompts/abc/default", { method: "POST" }), { id: "abc" }))).status).toBe(404);
    const made = await createPromptVersion({ input: { version: "edu-v3", ...draft, makeDefault: true } });
    expect(made.isDefault).toBe(true);
    expect((await listPrompts()).filter((p: PromptView) => p.isDefault).map((p) => p.version)).toEqual(["edu-v3"]);
  });

  it("falls back to the built-in default when the chosen version is gone", async () => {
    await db().setting.update({ where: { key: "prompt.default.edu-score" }, data: { value: "deleted-version" } });
    expect((await getDefaultPrompt("edu-score")).version).toBe("edu-v1");
    await expect(getPromptVersion({ version: "nope" })).rejects.toThrow(/no prompt version "nope"/);
  });
});

describe("prompt preview", () => {
  it("says what to do when there is no snippet to preview on", async () => {
    const res = await json(await postPreview(...call(users.viewer.token, "/api/prompts/preview", { body: { draft } })));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/import a dataset first, or paste some code/);
  });

  it("renders a draft or a saved version on the first snippet, pasted code or a snippet id", async () => {
    const ds = await db().dataset.create({ data: { name: "sample" } });
    const content = "x = 1\n".repeat(100);
    const s = await db().snippet.create({ data: { datasetId: ds.id, contentHash: "h1", content, language: "python", path: "a/b.py", sizeBytes: content.length, lineCount: 100 } });

    const first = await json(await postPreview(...call(users.viewer.token, "/api/prompts/preview", { body: { draft } })));
    expect(first.status).toBe(200);
    const p = first.body.preview;
    expect(p.snippet).toEqual({ id: s.id, datasetName: "sample", path: "a/b.py", language: "python", chars: 600 });
    expect(p.truncated).toBe(true);
    expect(p.messages[0]).toEqual({ role: "system", content: "Rate it." });
    expect(p.messages[1].content).toMatch(/^python file a\/b\.py\nx = 1\n[\s\S]*\[truncated: 300 more characters not shown\]$/);
    expect(p.tokens.total).toBe(countChatTokens(p.messages));
    expect(p.tokens.total).toBeGreaterThan(p.tokens.system + p.tokens.user);

    const pasted = await json(await postPreview(...call(users.viewer.token, "/api/prompts/preview", { body: { draft, code: "print(1)", language: "python" } })));
    expect(pasted.body.preview).toMatchObject({ truncated: false, snippet: { id: null, path: null, chars: 8 } });
    expect(pasted.body.preview.messages[1].content).toBe("python file (unknown)\nprint(1)");

    const v1 = await getPromptVersion({ version: "edu-v1" });
    const saved = await json(await postPreview(...call(users.viewer.token, "/api/prompts/preview", { body: { promptId: v1.id, snippetId: s.id } })));
    expect(saved.body.preview.messages[1].content).toContain("Path: a/b.py");
    expect(saved.body.preview.tokens.total).toBeGreaterThan(300);

    for (const body of [{}, { draft, promptId: v1.id }, { draft, snippetId: s.id, code: "x" }, { draft: { ...draft, template: "nothing" } }]) {
      expect((await postPreview(...call(users.viewer.token, "/api/prompts/preview", { body }))).status, JSON.stringify(body)).toBe(400);
    }
    expect((await postPreview(...call(users.viewer.token, "/api/prompts/preview", { body: { draft, snippetId: 99999 } }))).status).toBe(404);
    expect((await postPreview(...call(null, "/api/prompts/preview", { body: { draft } }))).status).toBe(401);
  });
});

describe("generation prompts (textbook, exercise)", () => {
  const tb = { task: "textbook", system: "Write a section.", template: "A section on {{topic}} for {{audience}}.", maxCodeChars: 6000 };

  it("have built-in defaults with their own placeholders, listed per task", async () => {
    const textbook = await json(await listRoute(...call(users.viewer.token, "/api/prompts?task=textbook")));
    expect(textbook.body.prompts).toMatchObject([{ task: "textbook", version: "textbook-v1", isDefault: true, builtin: true }]);
    expect(textbook.body.prompts[0].template).toMatch(/\{\{topic\}\}[\s\S]*\{\{audience\}\}/);
    const exercise = await getDefaultPrompt("exercise");
    expect(exercise.version).toBe("exercise-v1");
    expect(exercise.template).toContain("{{function_name}}");
    expect((await listRoute(...call(users.viewer.token, "/api/prompts?task=poems"))).status).toBe(400);
  });

  it("edited versions are saved as new ones, checked against the task's placeholders", async () => {
    const created = await json(await createRoute(...call(users.admin.token, "/api/prompts", { body: { ...tb, version: "textbook-v2", makeDefault: true } })));
    expect(created.status).toBe(200);
    expect(created.body.prompt).toMatchObject({ task: "textbook", version: "textbook-v2", isDefault: true });
    expect((await getDefaultPrompt("textbook")).version).toBe("textbook-v2");
    expect((await getDefaultPrompt("edu-score")).task).toBe("edu-score");
    for (const [body, message] of [
      [{ ...tb, version: "t3", template: "no topic here" }, /must contain \{\{topic\}\}/],
      [{ ...tb, version: "t3", template: "{{topic}} {{code}}" }, /only \{\{topic\}\}, \{\{audience\}\} are placeholders for textbook prompts/],
      [{ ...tb, task: "exercise", version: "e3" }, /must contain \{\{function_name\}\}/],
    ] as const) {
      const res = await json(await createRoute(...call(users.admin.token, "/api/prompts", { body })));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatch(message);
    }
  });

  it("preview renders the constraints, not a snippet", async () => {
    const res = await json(await postPreview(...call(users.viewer.token, "/api/prompts/preview", { body: { draft: { ...tb, template: "{{topic}} / {{audience}}" }, constraints: { topic: "sets" } } })));
    expect(res.status).toBe(200);
    expect(res.body.preview).toMatchObject({ snippet: null, truncated: false, constraints: { topic: "sets", audience: "a first-year computer science student" } });
    expect(res.body.preview.messages[1].content).toBe("sets / a first-year computer science student");
    const saved = await getPromptVersion({ task: "exercise", version: "exercise-v1" });
    const ex = await json(await postPreview(...call(users.viewer.token, "/api/prompts/preview", { body: { promptId: saved.id } })));
    expect(ex.body.preview.messages[1].content).toContain("The function must be called count_nested_items.");
  });
});
