import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteBenchmarkRoute, GET as benchmarkItemsRoute } from "@/app/api/benchmarks/[id]/route";
import { GET as benchmarksRoute, POST as uploadRoute } from "@/app/api/benchmarks/route";
import { GET as flaggedRoute } from "@/app/api/decontam/flagged/route";
import { POST as cancelRoute } from "@/app/api/decontam/runs/[id]/cancel/route";
import { GET as runRoute } from "@/app/api/decontam/runs/[id]/route";
import { GET as runsRoute, POST as createRunRoute } from "@/app/api/decontam/runs/route";
import { DELETE as removeOverrideRoute, PUT as overrideRoute } from "@/app/api/decontam/snippets/[id]/override/route";
import { GET as snippetRoute } from "@/app/api/decontam/snippets/[id]/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { runDecontam } from "@/lib/decontam/run-decontam";
import { bearer, params } from "../browse/fixtures";
import { useTestDatabase } from "../helpers/db";
import { addSnippet, createDataset } from "./fixtures";

useTestDatabase();
const BASE = "http://localhost:3000";
let tokens: { admin: string; annotator: string; viewer: string };
let datasetId: number;
let copied: number;

const PROMPT = "def rotate_matrix(m):\n    \"\"\"Rotate a square matrix ninety degrees clockwise in place and return the very same matrix object.\"\"\"\n";
const SOLUTION = "    n = len(m)\n    for layer in range(n // 2):\n        pass\n    return m\n";

const call = (handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, token: string, url: string, init: RequestInit = {}, p: Record<string, string> = {}) =>
  handler(bearer(token, `${BASE}${url}`, init), params(p));
const json = (body: unknown, method = "POST"): RequestInit => ({ method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });

beforeAll(async () => {
  process.env.SYLLABUS_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-decontam-routes-"));
  const admin = await createUser({ email: "admin@decontam.test", password: "password123", role: "admin" });
  const annotator = await createUser({ email: "annotator@decontam.test", password: "password123", role: "annotator" });
  const viewer = await createUser({ email: "viewer@decontam.test", password: "password123", role: "viewer" });
  tokens = { admin: (await createApiToken(admin.id, "t")).token, annotator: (await createApiToken(annotator.id, "t")).token, viewer: (await createApiToken(viewer.id, "t")).token };
  datasetId = await createDataset("routes");
  copied = await addSnippet(datasetId, `# from somewhere\n${PROMPT}${SOLUTION}`, { path: "copied.py" });
  await addSnippet(datasetId, "def unrelated():\n    return 42\n", { path: "clean.py" });
});

describe("decontamination API", () => {
  it("imports a benchmark upload (admins only) and lists it for viewers", async () => {
    const body = [JSON.stringify({ task_id: "R/1", prompt: PROMPT, canonical_solution: SOLUTION }), "oops"].join("\n");
    expect((await call(uploadRoute, tokens.viewer, "/api/benchmarks?filename=rb.jsonl", { method: "POST", body })).status).toBe(403);
    expect((await call(uploadRoute, tokens.admin, "/api/benchmarks", { method: "POST", body })).status).toBe(400);
    const res = await call(uploadRoute, tokens.admin, "/api/benchmarks?filename=rb.jsonl&name=routes-bench", { method: "POST", body });
    expect(res.status).toBe(201);
    const { report } = await res.json();
    expect(report).toMatchObject({ benchmark: { name: "routes-bench", itemCount: 1 }, inserted: 1, errorCount: 1, errors: [{ line: 2 }] });
    expect(fs.readdirSync(path.join(process.env.SYLLABUS_DATA_DIR!, "uploads"))).toEqual([]);
    const bad = await call(uploadRoute, tokens.admin, "/api/benchmarks?filename=empty.jsonl", { method: "POST", body: "" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/empty/);

    const list = await (await call(benchmarksRoute, tokens.viewer, "/api/benchmarks")).json();
    expect(list.benchmarks).toEqual([expect.objectContaining({ name: "routes-bench", itemCount: 1, flaggedSnippets: 0 })]);
    const items = await (await call(benchmarkItemsRoute, tokens.viewer, `/api/benchmarks/${report.benchmark.id}`, {}, { id: String(report.benchmark.id) })).json();
    expect(items.items.map((i: { taskId: string }) => i.taskId)).toEqual(["R/1"]);
  });

  it("starts a check for annotators, shows the run, the flagged snippet and its side-by-side detail", async () => {
    expect((await call(createRunRoute, tokens.viewer, "/api/decontam/runs", json({ datasetId }))).status).toBe(403);
    const bad = await call(createRunRoute, tokens.annotator, "/api/decontam/runs", json({ datasetId, ngram: 99 }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/ngram must be 3–50/);
    expect((await call(createRunRoute, tokens.annotator, "/api/decontam/runs", json({ datasetId: 12345 }))).status).toBe(404);
    const created = await call(createRunRoute, tokens.annotator, "/api/decontam/runs", json({ datasetId, ngram: 8 }));
    expect(created.status).toBe(201);
    const { run, jobId } = await created.json();
    expect(run).toMatchObject({ datasetId, datasetName: "routes", ngram: 8, status: "queued", jobId });
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.name).toBe("decontam.run");
    await runDecontam(JSON.parse(job.payload), plainContext());

    const one = await (await call(runRoute, tokens.viewer, `/api/decontam/runs/${run.id}`, {}, { id: String(run.id) })).json();
    expect(one.run).toMatchObject({ status: "succeeded", total: 2, done: 2, flagged: 1, benchmarksMatched: [{ name: "routes-bench", snippets: 1, items: 1 }] });
    const runs = await (await call(runsRoute, tokens.viewer, `/api/decontam/runs?dataset=${datasetId}`)).json();
    expect(runs.runs.map((r: { id: number }) => r.id)).toEqual([run.id]);
    expect((await call(cancelRoute, tokens.annotator, `/api/decontam/runs/${run.id}/cancel`, { method: "POST" }, { id: String(run.id) })).status).toBe(400);

    const flagged = await (await call(flaggedRoute, tokens.viewer, `/api/decontam/flagged?dataset=${datasetId}`)).json();
    expect(flagged).toMatchObject({ total: 1, nextAfter: null, items: [{ snippetId: copied, path: "copied.py", matches: [{ taskId: "R/1", benchmark: "routes-bench" }] }] });
    expect((await call(flaggedRoute, tokens.viewer, `/api/decontam/flagged?override=maybe`)).status).toBe(400);

    const detail = await (await call(snippetRoute, tokens.viewer, `/api/decontam/snippets/${copied}`, {}, { id: String(copied) })).json();
    expect(detail).toMatchObject({ excluded: true, override: null, snippet: { id: copied, contaminated: true } });
    const [m] = detail.matches;
    expect(m.item).toMatchObject({ taskId: "R/1", prompt: PROMPT, solution: SOLUTION });
    const [[start, end]] = m.highlights.snippet;
    expect(detail.snippet.content.slice(start, end)).toBe(`${PROMPT}${SOLUTION}`.trimEnd());
    expect(m.highlights.prompt).toEqual([[0, PROMPT.trimEnd().length]]);
    expect((await call(snippetRoute, tokens.viewer, "/api/decontam/snippets/999999", {}, { id: "999999" })).status).toBe(404);
  });

  it("lets annotators override with a required note, not viewers", async () => {
    const url = `/api/decontam/snippets/${copied}/override`;
    const p = { id: String(copied) };
    expect((await call(overrideRoute, tokens.viewer, url, json({ note: "ok" }, "PUT"), p)).status).toBe(403);
    const empty = await call(overrideRoute, tokens.annotator, url, json({ note: "  " }, "PUT"), p);
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toMatch(/needs a note/);
    expect((await call(overrideRoute, tokens.annotator, url, json({}, "PUT"), p)).status).toBe(400);
    const saved = await call(overrideRoute, tokens.annotator, url, json({ note: "generic rotation idiom" }, "PUT"), p);
    expect(saved.status).toBe(200);
    const detail = await (await call(snippetRoute, tokens.viewer, `/api/decontam/snippets/${copied}`, {}, p)).json();
    expect(detail).toMatchObject({ excluded: false, override: { note: "generic rotation idiom", userEmail: "annotator@decontam.test" } });
    expect((await call(removeOverrideRoute, tokens.viewer, url, { method: "DELETE" }, p)).status).toBe(403);
    expect((await call(removeOverrideRoute, tokens.annotator, url, { method: "DELETE" }, p)).status).toBe(200);
    expect((await call(removeOverrideRoute, tokens.annotator, url, { method: "DELETE" }, p)).status).toBe(404);
  });

  it("deletes a benchmark (admins only) and unflags its snippets", async () => {
    const b = await db().benchmark.findUniqueOrThrow({ where: { name: "routes-bench" } });
    const p = { id: String(b.id) };
    expect((await call(deleteBenchmarkRoute, tokens.annotator, `/api/benchmarks/${b.id}`, { method: "DELETE" }, p)).status).toBe(403);
    const res = await call(deleteBenchmarkRoute, tokens.admin, `/api/benchmarks/${b.id}`, { method: "DELETE" }, p);
    expect(await res.json()).toMatchObject({ name: "routes-bench", unflaggedSnippets: 1 });
    expect((await db().snippet.findUniqueOrThrow({ where: { id: copied } })).contaminated).toBe(false);
    expect((await call(deleteBenchmarkRoute, tokens.admin, `/api/benchmarks/${b.id}`, { method: "DELETE" }, p)).status).toBe(404);
  });
});
