import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBatchCampaign, type BatchRunOptions } from "@/lib/campaigns/batch/run-batch-campaign";
import { materializeCampaignItems } from "@/lib/campaigns/materialize-campaign-items";
import { runCampaign } from "@/lib/campaigns/run-campaign";
import { plainContext, type TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { JobCancelledError, WorkerShutdownError } from "@/lib/jobs/abort-reasons";
import { costOf } from "@/lib/llm/pricing/cost-of";
import { getPrice } from "@/lib/llm/pricing/get-price";
import { EDU_SCORE_TASK } from "@/lib/llm/prompts/default-prompts";
import { getDefaultPrompt } from "@/lib/llm/prompts/get-default-prompt";
import { renderPrompt } from "@/lib/llm/prompts/render-prompt";
import { useTestDatabase } from "../helpers/db";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { configureLlm, itemSums, seedDataset } from "./fixtures";

useTestDatabase();

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ batchPollsToComplete: 2 });
  await configureLlm(server.baseURL, { apiKey: "sk-test" });
  process.env.SYLLABUS_BATCH_POLL_MS = "20";
});
afterAll(async () => {
  delete process.env.SYLLABUS_BATCH_POLL_MS;
  await server.close();
});

const fast: BatchRunOptions = { pollIntervalMs: 10 };
const sdk = () => new OpenAI({ baseURL: server.baseURL, apiKey: "sk-test", maxRetries: 0 });

async function batchCampaign(name: string, count: number): Promise<number> {
  const dataset = await seedDataset(name, count);
  const prompt = await getDefaultPrompt(EDU_SCORE_TASK);
  const campaign = await db().labelCampaign.create({
    data: { datasetId: dataset.id, mode: "batch", model: "gpt-4o-mini", promptId: prompt.id, promptVersion: prompt.version, filter: JSON.stringify({ scope: "unlabeled", sample: "first" }) },
  });
  await materializeCampaignItems(campaign.id);
  return campaign.id;
}

/** Every snippet of the campaign has exactly one label, with the score the server gives its prompt. */
async function expectLabeledOnce(campaignId: number) {
  const campaign = await db().labelCampaign.findUniqueOrThrow({ where: { id: campaignId } });
  const prompt = await getDefaultPrompt(EDU_SCORE_TASK);
  const items = await db().campaignItem.findMany({ where: { campaignId }, include: { snippet: { include: { llmLabels: true } } } });
  expect(items.length).toBe(campaign.total);
  for (const item of items) {
    expect(item.status).toBe("labeled");
    expect(item.snippet.llmLabels).toHaveLength(1);
    const expected = server.scoreFor(renderPrompt(prompt, item.snippet).user);
    expect(item.snippet.llmLabels[0].score).toBe(expected);
    expect(item.snippet.llmScore).toBe(expected);
  }
  expect(campaign.labeled).toBe(campaign.total);
  const sums = await itemSums(campaignId);
  expect(Number(campaign.inputTokens)).toBe(sums.inputTokens);
  expect(Number(campaign.outputTokens)).toBe(sums.outputTokens);
  expect(campaign.costUsd).toBeCloseTo(sums.costUsd, 9);
}

/** A context that aborts with `reason` when `when(message)` first returns true. */
function abortingContext(when: (message: string) => boolean, reason: Error): TaskContext {
  const controller = new AbortController();
  return plainContext((_d, _t, message = "") => {
    if (!controller.signal.aborted && when(message)) controller.abort(reason);
  }, controller.signal);
}

describe("batch campaigns", () => {
  it("labels a campaign end to end through runCampaign, with malformed replies failed and usage totals exact", async () => {
    const id = await batchCampaign("e2e", 80);
    server.setFaults({ rateMalformedReply: 0.1, seed: 3 });
    const before = server.stats();
    const progress: number[] = [];
    const result = await runCampaign(id, plainContext((done) => progress.push(done)));
    server.setFaults({});
    expect(result).toEqual({ status: "succeeded", total: 80 });
    const campaign = await db().labelCampaign.findUniqueOrThrow({ where: { id } });
    expect(campaign.status).toBe("succeeded");
    const sums = await itemSums(id);
    expect(sums.byStatus.pending).toBe(0);
    expect(sums.byStatus.failed).toBeGreaterThan(0);
    expect(campaign.labeled + campaign.failed).toBe(80);
    for (const item of sums.items.filter((i) => i.status === "failed")) {
      expect(item.error).toMatch(/unparseable reply/);
      expect(item.rawReply).toBe("I'm not able to rate this snippet.");
    }
    const after = server.stats();
    expect(after.batchesCreated - before.batchesCreated).toBe(1);
    expect(Number(campaign.inputTokens)).toBe(after.usage.inputTokens - before.usage.inputTokens);
    expect(Number(campaign.outputTokens)).toBe(after.usage.outputTokens - before.usage.outputTokens);
    expect(Number(campaign.inputTokens)).toBe(sums.inputTokens);
    const price = await getPrice("gpt-4o-mini");
    expect(campaign.costUsd).toBeCloseTo(costOf(price, { inputTokens: sums.inputTokens, outputTokens: sums.outputTokens }, { batch: true }), 9);
    expect(campaign.requests).toBe(80);
    expect(progress.at(-1)).toBe(80);
    const batches = await db().llmBatch.findMany({ where: { campaignId: id } });
    expect(batches).toMatchObject([{ chunk: 1, requestCount: 80, status: "ingested" }]);
    expect(batches[0].inputFileId && batches[0].batchId && batches[0].outputFileId).toBeTruthy();
  });

  it("splits into chunks by request count and by bytes, one remote batch each", async () => {
    const id = await batchCampaign("chunks", 60);
    const before = server.stats().batchesCreated;
    await runBatchCampaign(id, plainContext(), { ...fast, maxRequests: 25 });
    expect((await db().llmBatch.findMany({ where: { campaignId: id }, orderBy: { chunk: "asc" } })).map((b) => b.requestCount)).toEqual([25, 25, 10]);
    expect(server.stats().batchesCreated - before).toBe(3);
    await expectLabeledOnce(id);

    const bytesId = await batchCampaign("bytes", 10);
    await runBatchCampaign(bytesId, plainContext(), { ...fast, maxBytes: 6_000 });
    const chunks = await db().llmBatch.findMany({ where: { campaignId: bytesId } });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.reduce((s, c) => s + c.requestCount, 0)).toBe(10);
    await expectLabeledOnce(bytesId);
  });

  it("resumes after a crash between upload and batch create without uploading again", async () => {
    const id = await batchCampaign("crash-upload", 30);
    const before = server.stats();
    const crashing = sdk();
    crashing.batches.create = (() => Promise.reject(new Error("worker killed before create"))) as unknown as typeof crashing.batches.create;
    await expect(runBatchCampaign(id, plainContext(), { ...fast, client: crashing, maxRequests: 20 })).rejects.toThrow(/killed/);
    const rows = await db().llmBatch.findMany({ where: { campaignId: id } });
    expect(rows.filter((r) => r.inputFileId && !r.batchId)).toHaveLength(1);

    await runBatchCampaign(id, plainContext(), { ...fast, maxRequests: 20 });
    const after = server.stats();
    expect(after.filesUploaded - before.filesUploaded).toBe(2);
    expect(after.batchesCreated - before.batchesCreated).toBe(2);
    await expectLabeledOnce(id);
  });

  it("never submits a chunk twice when the batch was created but its id not stored", async () => {
    const id = await batchCampaign("crash-create", 30);
    const before = server.stats();
    const crashing = sdk();
    const create = crashing.batches.create.bind(crashing.batches);
    crashing.batches.create = (async (...args: Parameters<typeof create>) => {
      await create(...args);
      throw new Error("worker killed after create");
    }) as unknown as typeof create;
    await expect(runBatchCampaign(id, plainContext(), { ...fast, client: crashing })).rejects.toThrow(/killed/);
    expect((await db().llmBatch.findFirstOrThrow({ where: { campaignId: id } })).batchId).toBeNull();
    expect(server.stats().batchesCreated - before.batchesCreated).toBe(1);

    const logs: string[] = [];
    await runBatchCampaign(id, { ...plainContext(), log: (m) => logs.push(m) }, fast);
    expect(server.stats().batchesCreated - before.batchesCreated).toBe(1);
    expect(logs.some((l) => /created by an earlier run/.test(l))).toBe(true);
    await expectLabeledOnce(id);
  });

  it("looks for the batch before retrying a create whose reply was lost", async () => {
    const id = await batchCampaign("lost-reply", 10);
    const before = server.stats().batchesCreated;
    let dropped = 0;
    const client = new OpenAI({
      baseURL: server.baseURL,
      apiKey: "sk-test",
      maxRetries: 0,
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        if (init?.method === "POST" && String(url).endsWith("/batches") && dropped++ === 0) throw new TypeError("fetch failed: connection reset");
        return response;
      },
    });
    await runBatchCampaign(id, plainContext(), { ...fast, client });
    expect(dropped).toBe(1);
    expect(server.stats().batchesCreated - before).toBe(1);
    await expectLabeledOnce(id);
  });

  it("resumes polling after a worker shutdown, and ingestion after a crash mid-way, with one label per snippet", async () => {
    const id = await batchCampaign("crash-ingest", 120);
    const before = server.stats();
    const polling = abortingContext((m) => /in progress/.test(m), new WorkerShutdownError());
    await expect(runBatchCampaign(id, polling, fast)).rejects.toThrow(WorkerShutdownError);
    const row = await db().llmBatch.findFirstOrThrow({ where: { campaignId: id } });
    expect(row.batchId).toBeTruthy();
    expect(row.status).toBe("in_progress");

    let ingested = 0;
    const ingesting = abortingContext((m) => /ingesting/.test(m) && ++ingested === 40, new WorkerShutdownError());
    await expect(runBatchCampaign(id, ingesting, fast)).rejects.toThrow(WorkerShutdownError);
    const partial = await itemSums(id);
    expect(partial.byStatus.labeled).toBe(40);
    expect(partial.byStatus.pending).toBe(80);

    await runBatchCampaign(id, plainContext(), fast);
    const after = server.stats();
    expect(after.batchesCreated - before.batchesCreated).toBe(1);
    expect(after.filesUploaded - before.filesUploaded).toBe(1);
    await expectLabeledOnce(id);
    const campaign = await db().labelCampaign.findUniqueOrThrow({ where: { id } });
    expect(Number(campaign.inputTokens)).toBe(after.usage.inputTokens - before.usage.inputTokens);
    expect((await db().llmBatch.findFirstOrThrow({ where: { campaignId: id } })).status).toBe("ingested");
  });

  it("says clearly when the endpoint has no Batch API", async () => {
    const id = await batchCampaign("no-batch-api", 3);
    const client = new OpenAI({ baseURL: `${server.baseURL}/no-files-here`, apiKey: "sk-test", maxRetries: 0 });
    await expect(runBatchCampaign(id, plainContext(), { ...fast, client })).rejects.toThrow(/this endpoint has no Batch API \(HTTP 404: .*\); run the campaign in live mode/);
    expect((await itemSums(id)).byStatus.pending).toBe(3);
  });

  it.each(["failed", "expired"] as const)("marks every item of a %s batch failed with the reason", async (outcome) => {
    const id = await batchCampaign(`outcome-${outcome}`, 12);
    server.setBatchOutcome(outcome);
    try {
      await runBatchCampaign(id, plainContext(), fast);
    } finally {
      server.setBatchOutcome("completed");
    }
    const sums = await itemSums(id);
    expect(sums.byStatus).toMatchObject({ pending: 0, failed: 12, labeled: 0 });
    for (const item of sums.items) expect(item.error).toMatch(outcome === "failed" ? /the batch failed \(fake_batch_failed: The fake server was told/ : /expired/);
    const row = await db().llmBatch.findFirstOrThrow({ where: { campaignId: id } });
    expect(row.status).toBe(outcome);
    const campaign = await db().labelCampaign.findUniqueOrThrow({ where: { id } });
    expect(campaign.failed).toBe(12);
    expect(await db().llmLabel.count({ where: { campaignId: id } })).toBe(0);
    // A rerun finds nothing left to do.
    await runBatchCampaign(id, plainContext(), fast);
    expect((await db().labelCampaign.findUniqueOrThrow({ where: { id } })).failed).toBe(12);
  });

  it("cancels the remote batch when the job is cancelled, but not on a worker shutdown", async () => {
    const id = await batchCampaign("cancel", 5);
    await expect(runBatchCampaign(id, abortingContext((m) => /in progress/.test(m), new WorkerShutdownError()), fast)).rejects.toThrow(WorkerShutdownError);
    const row = await db().llmBatch.findFirstOrThrow({ where: { campaignId: id } });
    expect((await sdk().batches.retrieve(row.batchId!)).status).not.toMatch(/cancel/);

    const fresh = await batchCampaign("cancel-2", 5);
    await expect(runBatchCampaign(fresh, abortingContext((m) => /validating|in progress/.test(m), new JobCancelledError()), fast)).rejects.toThrow(JobCancelledError);
    const cancelled = await db().llmBatch.findFirstOrThrow({ where: { campaignId: fresh } });
    expect(cancelled.status).toBe("cancelling");
    expect((await sdk().batches.retrieve(cancelled.batchId!)).status).toBe("cancelled");
  });
});
