import OpenAI, { APIConnectionTimeoutError, APIError } from "openai";
import { toFile } from "openai/uploads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MALFORMED_REPLY, createRng, drawFaults } from "./replies";
import { startFakeOpenAI, type FakeOpenAI } from "./server";

const messages = (code: string) => [
  { role: "system" as const, content: "Rate the snippet." },
  { role: "user" as const, content: `Snippet:\n${code}` },
];
const structured = { type: "json_schema" as const, json_schema: { name: "score", schema: { type: "object" } } };

function client(server: FakeOpenAI, extra: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) {
  return new OpenAI({ baseURL: server.baseURL, apiKey: "test-key", maxRetries: 0, ...extra });
}

describe("fake OpenAI server: chat and faults", () => {
  let server: FakeOpenAI;
  beforeAll(async () => {
    server = await startFakeOpenAI({ hangMs: 5_000 });
  });
  afterAll(() => server.close());

  it("answers structured requests with deterministic JSON and counts usage", async () => {
    const sdk = client(server);
    const reply = await sdk.chat.completions.create({ model: "gpt-4o-mini", messages: messages("print(1)"), response_format: structured });
    const parsed = JSON.parse(reply.choices[0].message.content!);
    expect(parsed.score).toBe(server.scoreFor("Snippet:\nprint(1)"));
    expect(parsed.rationale).toEqual(expect.any(String));
    const again = await sdk.chat.completions.create({ model: "gpt-4o-mini", messages: messages("print(1)"), response_format: structured });
    expect(again.choices[0].message.content).toBe(reply.choices[0].message.content);
    expect(reply.usage!.prompt_tokens).toBeGreaterThan(0);
    const stats = server.stats();
    expect(stats.chatCompletions).toBe(2);
    expect(stats.usage).toEqual({ inputTokens: reply.usage!.prompt_tokens * 2, outputTokens: reply.usage!.completion_tokens * 2 });
  });

  it("answers in prose without response_format, lists models, rejects unknown models", async () => {
    const sdk = client(server);
    const reply = await sdk.chat.completions.create({ model: "gpt-4o", messages: messages("x = 2") });
    expect(reply.choices[0].message.content).toMatch(new RegExp(`^Educational score: ${server.scoreFor("Snippet:\nx = 2")}\n`));
    const models = await sdk.models.list();
    expect(models.data.map((m) => m.id)).toEqual(["gpt-4o-mini", "gpt-4o", "text-embedding-3-small"]);
    const err = await sdk.chat.completions.create({ model: "nope", messages: messages("x") }).catch((e) => e);
    expect(err).toBeInstanceOf(APIError);
    expect(err.status).toBe(404);
  });

  it("injects 429 with Retry-After, 500, broken bodies, malformed and prose replies", async () => {
    const sdk = client(server);
    const call = () => sdk.chat.completions.create({ model: "gpt-4o-mini", messages: messages("y"), response_format: structured });
    server.setFaults({ rate429: 1, retryAfterSeconds: 3 });
    const e429 = await call().catch((e) => e);
    expect(e429.status).toBe(429);
    expect(e429.headers.get("retry-after")).toBe("3");
    expect(e429.error.code).toBe("rate_limit_exceeded");
    server.setFaults({ rate500: 1 });
    expect((await call().catch((e) => e)).status).toBe(500);
    server.setFaults({ rateBrokenBody: 1 });
    await expect(call()).rejects.toThrow();
    server.setFaults({ rateMalformedReply: 1 });
    expect((await call()).choices[0].message.content).toBe(MALFORMED_REPLY);
    server.setFaults({ rateProseReply: 1 });
    expect((await call()).choices[0].message.content).toMatch(/^Educational score: \d\n/);
    server.setFaults({});
    expect(server.stats().byStatus).toMatchObject({ "429": 1, "500": 1 });
  });

  it("holds timed-out requests until the client gives up", async () => {
    server.setFaults({ rateTimeout: 1 });
    const started = Date.now();
    const err = await client(server, { timeout: 300 })
      .chat.completions.create({ model: "gpt-4o-mini", messages: messages("z") })
      .catch((e) => e);
    server.setFaults({});
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(server.stats().byStatus.timeout).toBe(1);
  });

  it("draws faults at the planned rates from a seeded generator", () => {
    const plan = { rate429: 0.1, rate500: 0.05, rateMalformedReply: 0.02, seed: 7 };
    const rng = createRng(7);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      const f = drawFaults(plan, rng, { http: true });
      const key = f.http ?? f.reply ?? "none";
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(counts["429"] / 20_000).toBeCloseTo(0.1, 1);
    expect(counts["500"] / 20_000).toBeCloseTo(0.05, 1);
    expect(counts.malformed / 20_000).toBeCloseTo(0.02, 1);
    const again = createRng(7);
    const replay = Array.from({ length: 5 }, () => drawFaults(plan, again, { http: true }));
    const fresh = createRng(7);
    expect(Array.from({ length: 5 }, () => drawFaults(plan, fresh, { http: true }))).toEqual(replay);
  });
});

describe("fake OpenAI server: auth, embeddings, files, shutdown", () => {
  it("requires the API key when configured", async () => {
    const server = await startFakeOpenAI({ apiKey: "sk-right" });
    try {
      const err = await client(server, { apiKey: "sk-wrong" }).models.list().catch((e) => e);
      expect(err.status).toBe(401);
      expect((await client(server, { apiKey: "sk-right" }).models.list()).data.length).toBe(3);
    } finally {
      await server.close();
    }
  });

  it("returns deterministic unit embeddings, base64 or floats, with the requested dimensions", async () => {
    const server = await startFakeOpenAI();
    try {
      const sdk = client(server);
      const a = await sdk.embeddings.create({ model: "text-embedding-3-small", input: ["def f(): pass", "x"] });
      expect(a.data).toHaveLength(2);
      expect(a.data[0].embedding).toHaveLength(64);
      const norm = Math.sqrt(a.data[0].embedding.reduce((s, x) => s + x * x, 0));
      expect(norm).toBeCloseTo(1, 5);
      const b = await sdk.embeddings.create({ model: "text-embedding-3-small", input: "def f(): pass", encoding_format: "float", dimensions: 16 });
      expect(b.data[0].embedding).toHaveLength(16);
      const c = await sdk.embeddings.create({ model: "text-embedding-3-small", input: "def f(): pass", encoding_format: "float", dimensions: 16 });
      expect(c.data[0].embedding).toEqual(b.data[0].embedding);
      expect(a.usage.prompt_tokens).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it("stores, serves and deletes uploaded files", async () => {
    const server = await startFakeOpenAI();
    try {
      const sdk = client(server);
      const file = await sdk.files.create({ file: await toFile(Buffer.from("hello\n"), "in.jsonl"), purpose: "batch" });
      expect(file).toMatchObject({ filename: "in.jsonl", purpose: "batch", bytes: 6 });
      expect((await sdk.files.retrieve(file.id)).id).toBe(file.id);
      expect(await (await sdk.files.content(file.id)).text()).toBe("hello\n");
      expect((await sdk.files.delete(file.id)).deleted).toBe(true);
      expect((await sdk.files.retrieve(file.id).catch((e) => e)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("drops hung connections on close", async () => {
    const server = await startFakeOpenAI({ hangMs: 60_000, faults: { rateTimeout: 1 } });
    const pending = client(server, { timeout: 60_000 })
      .chat.completions.create({ model: "gpt-4o-mini", messages: messages("h") })
      .catch((e) => e);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await server.close();
    expect(await pending).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("fake OpenAI server: batches", () => {
  const line = (customId: string, code: string, over: Record<string, unknown> = {}) =>
    JSON.stringify({ custom_id: customId, method: "POST", url: "/v1/chat/completions", body: { model: "gpt-4o-mini", messages: messages(code), response_format: structured }, ...over });

  async function submit(sdk: OpenAI, lines: string[]) {
    const file = await sdk.files.create({ file: await toFile(Buffer.from(lines.join("\n") + "\n"), "batch.jsonl"), purpose: "batch" });
    return sdk.batches.create({ input_file_id: file.id, endpoint: "/v1/chat/completions", completion_window: "24h" });
  }

  it("runs a batch: validating → in_progress → completed, with output and error files", async () => {
    const server = await startFakeOpenAI();
    try {
      const sdk = client(server);
      const batch = await submit(sdk, [
        line("item-1", "a = 1"),
        line("item-2", "b = 2"),
        line("item-3", "c = 3", { url: "/v1/embeddings" }),
        line("item-2", "dup"),
        JSON.stringify({ custom_id: "item-4", method: "POST", url: "/v1/chat/completions", body: { model: "unknown", messages: messages("d") } }),
        "{not json",
      ]);
      expect(batch.status).toBe("validating");
      expect((await sdk.batches.retrieve(batch.id)).status).toBe("in_progress");
      const done = await sdk.batches.retrieve(batch.id);
      expect(done.status).toBe("completed");
      expect(done.request_counts).toEqual({ total: 6, completed: 2, failed: 4 });
      const output = (await (await sdk.files.content(done.output_file_id!)).text()).trim().split("\n").map((l) => JSON.parse(l));
      expect(output.map((o) => o.custom_id)).toEqual(["item-1", "item-2"]);
      expect(output[0].response.status_code).toBe(200);
      expect(JSON.parse(output[0].response.body.choices[0].message.content).score).toBe(server.scoreFor("Snippet:\na = 1"));
      const errors = (await (await sdk.files.content(done.error_file_id!)).text()).trim().split("\n").map((l) => JSON.parse(l));
      expect(errors.map((e) => e.custom_id)).toEqual(["item-3", "item-2", "item-4", null]);
      expect(errors[2].response.status_code).toBe(404);
      expect(errors[3].error.code).toBe("invalid_json_line");
      const usage = output.reduce((s, o) => s + o.response.body.usage.prompt_tokens, 0);
      expect(server.stats().usage.inputTokens).toBe(usage);
    } finally {
      await server.close();
    }
  });

  it("lists batches newest first with cursor pagination, cancels, fails and expires", async () => {
    const server = await startFakeOpenAI({ batchPollsToComplete: 1 });
    try {
      const sdk = client(server);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await submit(sdk, [line(`item-${i}`, `v = ${i}`)])).id);
      const page1 = await sdk.batches.list({ limit: 2 });
      expect(page1.data.map((b) => b.id)).toEqual([ids[4], ids[3]]);
      const all: string[] = [];
      for await (const b of sdk.batches.list({ limit: 2 })) all.push(b.id);
      expect(all).toEqual([...ids].reverse());
      expect(server.stats().batchesCreated).toBe(5);

      expect((await sdk.batches.cancel(ids[0])).status).toBe("cancelling");
      expect((await sdk.batches.retrieve(ids[0])).status).toBe("cancelled");
      expect((await sdk.batches.retrieve(ids[1])).status).toBe("completed");
      expect((await sdk.batches.cancel(ids[1]).catch((e) => e)).status).toBe(409);

      server.setBatchOutcome("failed");
      const failed = await sdk.batches.retrieve(ids[2]);
      expect(failed.status).toBe("failed");
      expect(failed.errors?.data?.[0].message).toMatch(/fail/);
      server.setBatchOutcome("expired");
      expect((await sdk.batches.retrieve(ids[3])).status).toBe("expired");
      expect((await sdk.batches.retrieve("batch_missing").catch((e) => e)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
