import { getEventListeners } from "node:events";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLlmClient } from "@/lib/llm/create-llm-client";
import { DEFAULT_PROMPTS } from "@/lib/llm/prompts/default-prompts";
import { renderPrompt } from "@/lib/llm/prompts/render-prompt";
import { scoreSnippet } from "@/lib/llm/score-snippet";
import { testLlmConnection } from "@/lib/llm/test-llm-connection";
import type { PromptVersion, ScoreInput } from "@/lib/llm/types";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { MALFORMED_REPLY } from "../fake-openai/replies";
import { startPlainServer, testConfig } from "./helpers";

const prompt: PromptVersion = { id: 1, ...DEFAULT_PROMPTS[0] };
const snippet = (i: number): ScoreInput => ({ content: `def f${i}(xs):\n    for x in xs:\n        print(x * ${i})\n`, language: "python", path: `src/f${i}.py` });
const expectedScore = (fake: FakeOpenAI, s: ScoreInput) => fake.scoreFor(renderPrompt(prompt, s).user);

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ hangMs: 3_000 });
});
afterAll(() => fake.close());
beforeEach(() => fake.setFaults({}));

describe("scoreSnippet with the real SDK", () => {
  it("scores with structured output and reports usage", async () => {
    const client = createLlmClient(testConfig(fake.baseURL));
    const before = fake.stats().usage;
    const out = await scoreSnippet({ client, model: "gpt-4o-mini", prompt, snippet: snippet(1) });
    expect(out).toMatchObject({ ok: true, score: expectedScore(fake, snippet(1)), requests: 1 });
    expect(out.ok && out.rationale).toMatch(/\(ref [0-9a-f]+\)$/);
    const after = fake.stats().usage;
    expect(out.usage).toEqual({ inputTokens: after.inputTokens - before.inputTokens, outputTokens: after.outputTokens - before.outputTokens });
    expect(out.usage.inputTokens).toBeGreaterThan(100);
  });

  it("falls back to the tolerant parser for a prose reply", async () => {
    fake.setFaults({ rateProseReply: 1 });
    const out = await scoreSnippet({ client: createLlmClient(testConfig(fake.baseURL)), model: "gpt-4o-mini", prompt, snippet: snippet(2) });
    expect(out).toMatchObject({ ok: true, score: expectedScore(fake, snippet(2)) });
  });

  it("marks an unparseable reply failed, keeping the raw reply and its usage", async () => {
    fake.setFaults({ rateMalformedReply: 1 });
    const out = await scoreSnippet({ client: createLlmClient(testConfig(fake.baseURL)), model: "gpt-4o-mini", prompt, snippet: snippet(3) });
    expect(out).toMatchObject({ ok: false, rawReply: MALFORMED_REPLY, requests: 1 });
    expect(!out.ok && out.error).toMatch(/^unparseable reply: no score found/);
    expect(out.usage.outputTokens).toBeGreaterThan(0);
  });

  it("returns HTTP failures as outcomes, without the key", async () => {
    const locked = await startFakeOpenAI({ apiKey: "right" });
    try {
      const client = createLlmClient(testConfig(locked.baseURL, { apiKey: "sk-wrong-secret-123456" }));
      const out = await scoreSnippet({ client, model: "gpt-4o-mini", prompt, snippet: snippet(4) });
      expect(out).toMatchObject({ ok: false, rawReply: null, requests: 1, usage: { inputTokens: 0, outputTokens: 0 } });
      expect(!out.ok && out.error).toMatch(/HTTP 401/);
      expect(JSON.stringify(out)).not.toContain("sk-wrong-secret-123456");
    } finally {
      await locked.close();
    }
  });

  it("reports how many attempts a failure took", async () => {
    fake.setFaults({ rate500: 1 });
    const out = await scoreSnippet({ client: createLlmClient(testConfig(fake.baseURL)), model: "gpt-4o-mini", prompt, snippet: snippet(5), maxAttempts: 3, baseDelayMs: 1 });
    expect(out).toMatchObject({ ok: false, requests: 3 });
    expect(!out.ok && out.error).toMatch(/^failed after 3 attempts: HTTP 500/);
  });

  it("an unknown model is a clear, non-retried failure", async () => {
    const out = await scoreSnippet({ client: createLlmClient(testConfig(fake.baseURL)), model: "no-such-model", prompt, snippet: snippet(6) });
    expect(out).toMatchObject({ ok: false, requests: 1 });
    expect(!out.ok && out.error).toMatch(/HTTP 404.*no-such-model/);
  });

  it("throws the abort reason instead of returning an outcome", async () => {
    fake.setFaults({ rateTimeout: 1 });
    const controller = new AbortController();
    const reason = new Error("job cancelled");
    setTimeout(() => controller.abort(reason), 100);
    await expect(scoreSnippet({ client: createLlmClient(testConfig(fake.baseURL)), model: "gpt-4o-mini", prompt, snippet: snippet(7), signal: controller.signal })).rejects.toBe(reason);
  });

  it("leaves no listener on the caller's signal once requests are done, retries included", async () => {
    fake.setFaults({ rate500: 0.5, seed: 7 });
    const client = createLlmClient(testConfig(fake.baseURL));
    const signal = new AbortController().signal;
    const before = fake.stats().byStatus["500"] ?? 0;
    for (let i = 0; i < 5; i++) await scoreSnippet({ client, model: "gpt-4o-mini", prompt, snippet: snippet(20 + i), signal, baseDelayMs: 1 });
    expect(fake.stats().byStatus["500"]).toBeGreaterThan(before);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  it("labels every snippet or fails it with a reason under mixed faults, usage adding up", async () => {
    fake.setFaults({ rate429: 0.1, rate500: 0.05, rateMalformedReply: 0.05, rateBrokenBody: 0.02, retryAfterSeconds: 0, seed: 42 });
    const client = createLlmClient(testConfig(fake.baseURL));
    const before = fake.stats().usage;
    const items = Array.from({ length: 120 }, (_, i) => snippet(100 + i));
    const outs = [];
    for (let i = 0; i < items.length; i += 8) {
      outs.push(...(await Promise.all(items.slice(i, i + 8).map((s) => scoreSnippet({ client, model: "gpt-4o-mini", prompt, snippet: s, baseDelayMs: 5 })))));
    }
    outs.forEach((o, i) => {
      if (o.ok) expect(o.score).toBe(expectedScore(fake, items[i]));
      else expect(o.error).toMatch(/^unparseable reply/);
    });
    expect(outs.filter((o) => o.ok).length).toBeGreaterThan(100);
    expect(outs.reduce((n, o) => n + o.requests, 0)).toBeGreaterThan(items.length);
    const after = fake.stats().usage;
    expect(outs.reduce((n, o) => n + o.usage.inputTokens, 0)).toBe(after.inputTokens - before.inputTokens);
    expect(outs.reduce((n, o) => n + o.usage.outputTokens, 0)).toBe(after.outputTokens - before.outputTokens);
  });
});

describe("servers without structured output or /models", () => {
  it("falls back once to a plain request, then goes plain for that base URL", async () => {
    const plain = await startPlainServer();
    try {
      const client = createLlmClient(testConfig(plain.baseURL));
      const first = await scoreSnippet({ client, model: "local-model", prompt, snippet: snippet(8) });
      expect(first).toMatchObject({ ok: true, score: 2, rationale: "The file defines one loop.", requests: 2, usage: { inputTokens: 50, outputTokens: 10 } });
      expect(plain.requests.map((r) => Boolean(r.body?.response_format))).toEqual([true, false]);
      const again = await scoreSnippet({ client: createLlmClient(testConfig(plain.baseURL)), model: "local-model", prompt, snippet: snippet(9) });
      expect(again).toMatchObject({ ok: true, requests: 1 });
      expect(plain.requests).toHaveLength(3);
    } finally {
      await plain.close();
    }
  });

  it("tests the connection with a 1-token chat when /models is missing", async () => {
    const plain = await startPlainServer();
    try {
      const r = await testLlmConnection(testConfig(plain.baseURL, { models: { label: "local-model", generate: "g", embed: "e" } }));
      expect(r).toMatchObject({ ok: true, via: "chat", error: null, models: { label: { name: "local-model", listed: true }, generate: { listed: null } } });
      expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    } finally {
      await plain.close();
    }
  });
});

describe("testLlmConnection", () => {
  it("lists models and says which configured ones exist", async () => {
    const r = await testLlmConnection(testConfig(fake.baseURL, { models: { label: "gpt-4o", generate: "gpt-9", embed: "text-embedding-3-small" } }));
    expect(r).toMatchObject({ ok: true, via: "models", error: null, endpoint: fake.baseURL });
    expect(r.models).toEqual({ label: { name: "gpt-4o", listed: true }, generate: { name: "gpt-9", listed: false }, embed: { name: "text-embedding-3-small", listed: true } });
    expect(r.available).toContain("gpt-4o-mini");
  });

  it("reports the server's error without the key", async () => {
    const locked = await startFakeOpenAI({ apiKey: "right" });
    try {
      const r = await testLlmConnection(testConfig(locked.baseURL, { apiKey: "sk-very-secret-key-999" }));
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(/HTTP 401: Incorrect API key/);
      expect(JSON.stringify(r)).not.toContain("sk-very-secret-key-999");
    } finally {
      await locked.close();
    }
  });

  it("explains an unreachable server and an unconfigured endpoint", async () => {
    const r = await testLlmConnection(testConfig("http://127.0.0.1:1/v1"));
    expect(r).toMatchObject({ ok: false, via: null });
    expect(r.error).toMatch(/connection error/);
    expect((await testLlmConnection(testConfig("", { baseUrl: null }))).error).toMatch(/not configured/);
  });
});
