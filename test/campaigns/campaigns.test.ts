import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelCampaign } from "@/lib/campaigns/cancel-campaign";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { estimateCampaign } from "@/lib/campaigns/estimate-campaign";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { listCampaignItems } from "@/lib/campaigns/list-campaign-items";
import { materializeCampaignItems } from "@/lib/campaigns/materialize-campaign-items";
import { recordItemResult } from "@/lib/campaigns/record-item-result";
import { retryFailedItems } from "@/lib/campaigns/retry-failed-items";
import { runCampaign } from "@/lib/campaigns/run-campaign";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { JobCancelledError } from "@/lib/jobs/abort-reasons";
import { jobRegistry } from "@/workers/registry";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { useTestDatabase } from "../helpers/db";
import { configureLlm, itemSums, seedDataset } from "./fixtures";

useTestDatabase();
let fake: FakeOpenAI;
const run = (id: number, ctx = plainContext()) => runCampaign(id, ctx, { retryBaseDelayMs: 10 });
const labelCount = (datasetId: number) => db().llmLabel.count({ where: { snippet: { datasetId } } });

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: "sk-campaigns" });
  await configureLlm(fake.baseURL, { apiKey: "sk-campaigns" });
});
afterAll(async () => {
  await fake?.close();
});

/** The SQL rank of selection-sql.ts, recomputed in JS: the seeded sample is this order on both databases. */
function rank(id: number, seed: number): bigint {
  const P = 4294967291n;
  const x = (BigInt(id) * 2654435761n + BigInt(seed)) % P;
  return ((x ^ (x >> 13n)) * 1597334677n) % P;
}

describe("idempotency", () => {
  it("running a campaign twice, and a second campaign over the same snippets, never creates a second label", async () => {
    const ds = await seedDataset("idem", 40);
    const first = await createCampaign({ datasetId: ds.id, concurrency: 4 }, jobRegistry);
    // Started while the first one runs (its selection is fixed before any label exists): the same 40 snippets.
    const second = await createCampaign({ datasetId: ds.id, concurrency: 4, filter: { scope: "all" } }, jobRegistry);
    expect(await materializeCampaignItems(second.id)).toBe(40);
    expect(await run(first.id)).toEqual({ status: "succeeded", total: 40 });
    const requests = fake.stats().chatCompletions;
    expect(await run(first.id)).toEqual({ status: "succeeded", total: 40 });
    expect(fake.stats().chatCompletions).toBe(requests);
    expect(await labelCount(ds.id)).toBe(40);

    expect(await run(second.id)).toEqual({ status: "succeeded", total: 40 });
    expect(await labelCount(ds.id)).toBe(40);
    const c2 = await db().labelCampaign.findUniqueOrThrow({ where: { id: second.id } });
    expect(c2).toMatchObject({ labeled: 0, skipped: 40, failed: 0 });
    const sums = await itemSums(second.id);
    expect(Number(c2.inputTokens)).toBe(sums.inputTokens);
    expect(sums.items.every((i) => i.status === "skipped" && /already labeled/.test(i.error ?? ""))).toBe(true);

    // Now the selection is empty for this model and prompt version: nothing to start.
    await expect(createCampaign({ datasetId: ds.id, filter: { scope: "all" } }, jobRegistry)).rejects.toThrow(/nothing to label: the 40 matching snippets already have a label/);
    // recordItemResult applies once: a replay of a recorded item changes nothing.
    const item = sums.items[0];
    const replay = await recordItemResult({
      campaign: { ...c2, id: c2.id },
      itemId: item.id,
      snippetId: item.snippetId,
      outcome: { ok: true, score: 1, rationale: "x", usage: { inputTokens: 5, outputTokens: 5 }, requests: 1, latencyMs: 1 },
    });
    expect(replay).toBeNull();
    expect((await db().labelCampaign.findUniqueOrThrow({ where: { id: second.id } })).inputTokens).toBe(c2.inputTokens);
  });

  it("materializes the selection once, even when labels change afterwards", async () => {
    const ds = await seedDataset("mat", 12);
    const c = await createCampaign({ datasetId: ds.id, filter: { limit: 5 } }, jobRegistry);
    expect(await materializeCampaignItems(c.id)).toBe(5);
    await db().llmLabel.create({ data: { snippetId: ds.snippetIds[0], score: 3, model: "other", promptVersion: "x" } });
    expect(await materializeCampaignItems(c.id)).toBe(5);
    const items = await db().campaignItem.findMany({ where: { campaignId: c.id }, orderBy: { snippetId: "asc" } });
    expect(items.map((i) => i.snippetId)).toEqual(ds.snippetIds.slice(0, 5));
  });
});

describe("selection and estimate", () => {
  it("filters by language, scope and limit; random samples are reproducible from the stored seed", async () => {
    const ds = await seedDataset("sel", 60);
    await db().llmLabel.create({ data: { snippetId: ds.snippetIds[0], score: 2, model: "imported", promptVersion: "v0" } });
    const python = await estimateCampaign({ datasetId: ds.id, filter: { language: "python" } });
    // Languages cycle python, python, javascript, go, rust: 24 python, one of them already labeled.
    expect(python.count).toBe(23);
    expect((await estimateCampaign({ datasetId: ds.id, filter: { language: "python", scope: "all" } })).count).toBe(24);
    expect((await estimateCampaign({ datasetId: ds.id, filter: { limit: 7 } })).count).toBe(7);

    const a = await createCampaign({ datasetId: ds.id, filter: { sample: "random", limit: 10, seed: 12345 } }, jobRegistry);
    const stored = JSON.parse((await db().labelCampaign.findUniqueOrThrow({ where: { id: a.id } })).filter);
    expect(stored).toMatchObject({ sample: "random", seed: 12345, limit: 10, scope: "unlabeled" });
    await materializeCampaignItems(a.id);
    const picked = (await db().campaignItem.findMany({ where: { campaignId: a.id } })).map((i) => i.snippetId).sort((x, y) => x - y);
    const expected = ds.snippetIds.slice(1).sort((x, y) => Number(rank(x, 12345) - rank(y, 12345)) || x - y).slice(0, 10).sort((x, y) => x - y);
    expect(picked).toEqual(expected);
    const unseeded = await createCampaign({ datasetId: ds.id, filter: { sample: "random", limit: 3 } }, jobRegistry);
    expect(JSON.parse((await db().labelCampaign.findUniqueOrThrow({ where: { id: unseeded.id } })).filter).seed).toEqual(expect.any(Number));
  });

  it("counts tokens exactly up to 2,000 snippets and extrapolates a sample beyond; prices batch mode at the batch rate", async () => {
    const ds = await seedDataset("est", 2_100);
    const small = await estimateCampaign({ datasetId: ds.id, filter: { limit: 100 } });
    expect(small).toMatchObject({ count: 100, sampled: false, sampleSize: 100, priceKnown: true });
    // Earlier campaigns in this file used the same prompt: their mean output per item is the expectation.
    expect(small.outputTokensSource).toBe("history");
    expect(small.outputTokens).toBe(small.outputTokensPerItem * 100);
    const big = await estimateCampaign({ datasetId: ds.id, concurrency: 10 });
    expect(big).toMatchObject({ count: 2_100, sampled: true, sampleSize: 2_000 });
    // The snippets are alike, so the extrapolation lands within a few percent of 21 × the 100-snippet count.
    expect(big.inputTokens / (small.inputTokens * 21)).toBeGreaterThan(0.95);
    expect(big.inputTokens / (small.inputTokens * 21)).toBeLessThan(1.05);
    expect(big.seconds).toBeCloseTo((2_100 * big.latencyMs) / 1000 / 10, 6);
    const batch = await estimateCampaign({ datasetId: ds.id, filter: { limit: 100 }, mode: "batch" });
    expect(batch.costUsd).toBeCloseTo(small.costUsd / 2, 12);
    expect(batch.seconds).toBeNull();
    const unknown = await estimateCampaign({ datasetId: ds.id, filter: { limit: 100 }, model: "no-such-model" });
    expect(unknown).toMatchObject({ priceKnown: false, costUsd: 0 });
  });

  it("rejects bad input clearly", async () => {
    const ds = await seedDataset("bad", 3);
    await expect(estimateCampaign({ datasetId: 999_999 })).rejects.toThrow(/no dataset with id 999999/);
    await expect(estimateCampaign({ datasetId: ds.id, promptVersion: "nope" })).rejects.toThrow(/no prompt version "nope"/);
    await expect(estimateCampaign({ datasetId: ds.id, concurrency: 0 })).rejects.toThrow(/concurrency must be 1–64/);
    await expect(estimateCampaign({ datasetId: ds.id, concurrency: 65 })).rejects.toThrow(/concurrency must be 1–64/);
    await expect(estimateCampaign({ datasetId: ds.id, filter: { limit: 0 } })).rejects.toThrow(/limit must be at least 1/);
    await expect(estimateCampaign({ datasetId: ds.id, model: "has space" })).rejects.toThrow(/no spaces/);
    const saved = process.env.OPENAI_BASE_URL;
    delete process.env.OPENAI_BASE_URL;
    delete process.env.OPENAI_API_KEY;
    try {
      await expect(createCampaign({ datasetId: ds.id }, jobRegistry)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/no LLM endpoint is configured/) });
    } finally {
      await configureLlm(saved!, { apiKey: "sk-campaigns" });
    }
  });
});

describe("failures, retry and cancel", () => {
  it("failed items keep reason and reply; retry-failed relabels them and the totals still add up", async () => {
    const ds = await seedDataset("retry", 20);
    const c = await createCampaign({ datasetId: ds.id, concurrency: 4 }, jobRegistry);
    fake.setFaults({ rateMalformedReply: 1 });
    try {
      expect(await run(c.id)).toEqual({ status: "succeeded", total: 20 });
    } finally {
      fake.setFaults({});
    }
    const failed = await listCampaignItems({ campaignId: c.id, status: "failed", limit: 5 });
    expect(failed.items).toHaveLength(5);
    expect(failed.nextAfter).toBe(failed.items[4].id);
    expect(failed.items[0]).toMatchObject({ status: "failed", error: expect.stringMatching(/unparseable reply/), rawReply: expect.any(String) });
    const before = await getCampaign({ campaignId: c.id });
    expect(before).toMatchObject({ failed: 20, labeled: 0, done: 20, pending: 0 });

    // runCampaign ran outside the queue here; its job finishing is what allows a retry.
    await db().job.update({ where: { id: c.jobId }, data: { status: "succeeded" } });
    const view = await retryFailedItems({ campaignId: c.id }, jobRegistry);
    expect(view).toMatchObject({ status: "queued", failed: 0, pending: 20 });
    expect(view.job?.id).not.toBe(before.job?.id);
    await expect(retryFailedItems({ campaignId: c.id }, jobRegistry)).rejects.toThrow(/still queued/);
    expect(await run(c.id)).toEqual({ status: "succeeded", total: 20 });
    const after = await db().labelCampaign.findUniqueOrThrow({ where: { id: c.id } });
    const sums = await itemSums(c.id);
    expect(after).toMatchObject({ labeled: 20, failed: 0, requests: 40 });
    expect(Number(after.inputTokens)).toBe(sums.inputTokens);
    expect(after.costUsd).toBeCloseTo(sums.costUsd, 12);
    expect(sums.requests).toBe(40);
  });

  it("stops with the endpoint failing instead of failing the whole selection", async () => {
    const ds = await seedDataset("down", 80);
    const c = await createCampaign({ datasetId: ds.id, concurrency: 2 }, jobRegistry);
    await configureLlm(fake.baseURL, { apiKey: "sk-wrong" });
    try {
      await expect(run(c.id)).rejects.toThrow(/failed without a reply/);
    } finally {
      await configureLlm(fake.baseURL, { apiKey: "sk-campaigns" });
    }
    const row = await db().labelCampaign.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/HTTP 401/);
    expect(row.failed).toBeLessThan(20);
  });

  it("cancel: a queued campaign at once, a running one when its worker sees the cancel", async () => {
    const ds = await seedDataset("cancel", 30);
    const queued = await createCampaign({ datasetId: ds.id }, jobRegistry);
    const view = await cancelCampaign({ campaignId: queued.id });
    expect(view.status).toBe("cancelled");
    expect((await db().job.findUniqueOrThrow({ where: { id: queued.jobId } })).status).toBe("cancelled");
    await expect(cancelCampaign({ campaignId: queued.id })).rejects.toThrow(/already cancelled/);

    const running = await createCampaign({ datasetId: ds.id, concurrency: 2 }, jobRegistry);
    const controller = new AbortController();
    const ctx = plainContext((done) => {
      if (done >= 5) controller.abort(new JobCancelledError());
    }, controller.signal);
    expect((await run(running.id, ctx)).status).toBe("cancelled");
    const row = await db().labelCampaign.findUniqueOrThrow({ where: { id: running.id } });
    expect(row.status).toBe("cancelled");
    expect(row.labeled).toBeGreaterThanOrEqual(5);
    expect(row.labeled).toBeLessThan(30);
    expect(await db().campaignItem.count({ where: { campaignId: running.id, status: "pending" } })).toBe(30 - row.labeled);
  });
});
