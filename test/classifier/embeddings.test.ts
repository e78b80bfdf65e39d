import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddingRun } from "@/lib/classifier/embeddings/create-embedding-run";
import { embedSnippets } from "@/lib/classifier/embeddings/embed-snippets";
import { loadEmbeddings } from "@/lib/classifier/embeddings/load-embeddings";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { LlmNotConfiguredError } from "@/lib/llm/config";
import { startWorker } from "@/workers/run-worker";
import { jobRegistry } from "@/workers/registry";
import { configureLlm, seedDataset } from "../campaigns/fixtures";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { embeddingFor } from "../fake-openai/replies";
import { useTestDatabase } from "../helpers/db";
import { waitFor } from "../jobs/helpers";

useTestDatabase();

const MODEL = "text-embedding-3-small";
const OTHER_MODEL = "text-embedding-3-large";
const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 8 };
let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ models: ["gpt-4o-mini", MODEL, OTHER_MODEL] });
  await configureLlm(fake.baseURL);
});
afterAll(async () => {
  await fake?.close();
  delete process.env.OPENAI_BASE_URL;
});

const rowsOf = (model: string, snippetIds: number[]) => db().snippetEmbedding.count({ where: { model, snippetId: { in: snippetIds } } });

describe("embedSnippets", () => {
  it("embeds every snippet once in batches, caches the vectors, and a rerun sends no request", async () => {
    const { id: datasetId, snippetIds } = await seedDataset("embed-basic", 150);
    const before = fake.stats().embeddings;
    const progress: number[] = [];
    const first = await embedSnippets({ datasetId, model: MODEL }, plainContext((done) => progress.push(done)), { retry: FAST_RETRY });
    expect(first).toMatchObject({ status: "succeeded", model: MODEL, total: 150, cached: 0, embedded: 150, skipped: 0, requests: 3 });
    expect(fake.stats().embeddings - before).toBe(3);
    expect(progress.at(-1)).toBe(150);
    expect(await rowsOf(MODEL, snippetIds)).toBe(150);

    const vectors = await loadEmbeddings({ snippetIds, model: MODEL });
    expect(vectors.size).toBe(150);
    const snippets = await db().snippet.findMany({ where: { datasetId }, select: { id: true, content: true } });
    for (const s of snippets) {
      const v = vectors.get(s.id)!;
      expect(v).toBeInstanceOf(Float32Array);
      expect(Array.from(v)).toEqual(Array.from(Float32Array.from(embeddingFor(s.content, 64))));
    }

    const again = await embedSnippets({ datasetId, model: MODEL }, plainContext(), { retry: FAST_RETRY });
    expect(again).toMatchObject({ status: "succeeded", cached: 150, embedded: 0, requests: 0 });
    expect(fake.stats().embeddings - before).toBe(3);
  });

  it("embeds only what is missing, per model", async () => {
    const { id: datasetId, snippetIds } = await seedDataset("embed-partial", 40);
    await embedSnippets({ datasetId, model: MODEL }, plainContext(), { retry: FAST_RETRY });
    await db().snippetEmbedding.deleteMany({ where: { model: MODEL, snippetId: { in: snippetIds.slice(0, 5) } } });
    const refill = await embedSnippets({ datasetId, model: MODEL }, plainContext(), { retry: FAST_RETRY });
    expect(refill).toMatchObject({ cached: 35, embedded: 5, requests: 1 });

    const other = await embedSnippets({ datasetId, model: OTHER_MODEL }, plainContext(), { retry: FAST_RETRY });
    expect(other).toMatchObject({ cached: 0, embedded: 40 });
    expect(await rowsOf(MODEL, snippetIds)).toBe(40);
    expect(await rowsOf(OTHER_MODEL, snippetIds)).toBe(40);
    expect((await loadEmbeddings({ snippetIds: [snippetIds[0], 999_999], model: OTHER_MODEL })).size).toBe(1);
  });

  it("retries 429s and 500s and still stores exactly one vector per snippet", async () => {
    const { id: datasetId, snippetIds } = await seedDataset("embed-faults", 200);
    fake.setFaults({ rate429: 0.25, rate500: 0.25, retryAfterSeconds: 0, seed: 11 });
    try {
      const r = await embedSnippets({ datasetId, model: MODEL }, plainContext(), { batchSize: 20, concurrency: 3, retry: FAST_RETRY });
      expect(r).toMatchObject({ status: "succeeded", embedded: 200, skipped: 0 });
      expect(r.requests).toBeGreaterThan(10);
      expect(fake.stats().byStatus["429"] ?? 0).toBeGreaterThan(0);
      expect(fake.stats().byStatus["500"] ?? 0).toBeGreaterThan(0);
    } finally {
      fake.setFaults({});
    }
    expect(await rowsOf(MODEL, snippetIds)).toBe(200);
  });

  it("stops at the signal and a rerun finishes the rest", async () => {
    const { id: datasetId, snippetIds } = await seedDataset("embed-abort", 100);
    const controller = new AbortController();
    const ctx = plainContext((done) => {
      if (done >= 20) controller.abort(new Error("shutdown"));
    }, controller.signal);
    const first = await embedSnippets({ datasetId, model: MODEL }, ctx, { batchSize: 10, concurrency: 1, retry: FAST_RETRY });
    expect(first.status).toBe("interrupted");
    const stored = await rowsOf(MODEL, snippetIds);
    expect(stored).toBeGreaterThanOrEqual(20);
    expect(stored).toBeLessThan(100);
    const rest = await embedSnippets({ datasetId, model: MODEL }, plainContext(), { retry: FAST_RETRY });
    expect(rest).toMatchObject({ status: "succeeded", cached: stored, embedded: 100 - stored });
    expect(await rowsOf(MODEL, snippetIds)).toBe(100);
  });

  it("fails clearly without an endpoint, and on an unknown model", async () => {
    const { id: datasetId } = await seedDataset("embed-errors", 3);
    await expect(embedSnippets({ datasetId, model: "no-such-model" }, plainContext(), { retry: FAST_RETRY })).rejects.toThrow(/does not exist/);
    const saved = process.env.OPENAI_BASE_URL;
    delete process.env.OPENAI_BASE_URL;
    try {
      await expect(embedSnippets({ datasetId }, plainContext())).rejects.toBeInstanceOf(LlmNotConfiguredError);
      await expect(createEmbeddingRun({ datasetId }, jobRegistry)).rejects.toMatchObject({ status: 409 });
    } finally {
      process.env.OPENAI_BASE_URL = saved;
    }
    await expect(createEmbeddingRun({ datasetId: 999_999 }, jobRegistry)).rejects.toMatchObject({ status: 404 });
  });
});

describe("classifier.embed job", () => {
  it("is queued by createEmbeddingRun with the model fixed, and a worker runs it to the end", async () => {
    const { id: datasetId, snippetIds } = await seedDataset("embed-job", 70);
    const { jobId, model } = await createEmbeddingRun({ datasetId }, jobRegistry);
    expect(model).toBe(MODEL);
    const queued = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(queued).toMatchObject({ name: "classifier.embed", status: "queued" });
    expect(JSON.parse(queued.payload)).toEqual({ datasetId, model: MODEL });

    const worker = startWorker({ registry: jobRegistry, pollMs: 20, leaseMs: 5_000, housekeepingMs: 0, log: () => {} });
    try {
      const done = await waitFor(async () => {
        const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
        return job.status === "succeeded" || job.status === "failed" ? job : null;
      }, 30_000, "embed job finished");
      expect(done).toMatchObject({ status: "succeeded", progressDone: 70, progressTotal: 70 });
    } finally {
      await worker.stop();
    }
    expect(await rowsOf(MODEL, snippetIds)).toBe(70);
  });
});
