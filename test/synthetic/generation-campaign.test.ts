import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { getPrice } from "@/lib/llm/pricing/get-price";
import { composeContent } from "@/lib/synthetic/compose-content";
import { createGenerationCampaign } from "@/lib/synthetic/create-generation-campaign";
import { getGridCoverage } from "@/lib/synthetic/grid-coverage";
import { listGenerationItems } from "@/lib/synthetic/list-generation-items";
import { retryFailedGeneration } from "@/lib/synthetic/retry-failed-generation";
import { runGenerationCampaign } from "@/lib/synthetic/run-generation-campaign";
import { jobRegistry } from "@/workers/registry";
import { configureLlm } from "../campaigns/fixtures";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { useTestDatabase } from "../helpers/db";
import { AUDIENCES, generationItemSums, TOPICS } from "./generation-fixtures";

/**
 * A mixed generation campaign of 30 items against the fake server answering 429s (Retry-After), 500s,
 * hangs past the client timeout, malformed replies and plain (non-JSON) replies: every item ends generated
 * or failed with its reason and raw reply, no snippet twice, the constraints kept on every item, and the
 * money adds up three ways (campaign = sum of items = what the server reported).
 */
useTestDatabase();
let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({
    apiKey: "sk-test-gen",
    hangMs: 3_000,
    faults: { rate429: 0.15, rate500: 0.1, rateTimeout: 0.04, rateMalformedReply: 0.1, rateProseReply: 0.15, retryAfterSeconds: 1, seed: 7 },
  });
  await configureLlm(fake.baseURL, { apiKey: "sk-test-gen", timeoutMs: 1_500 });
});
afterAll(async () => {
  await fake?.close();
});

describe("generation campaign through faults", () => {
  it("generates 30 items: every one generated or failed with a reason, tokens and cost accounted", { timeout: 120_000 }, async () => {
    const { id, estimate, datasetId } = await createGenerationCampaign(
      { datasetName: "synthetic-faults", kind: "mixed", topics: TOPICS, audiences: AUDIENCES, functionNameMode: "generated", count: 30, concurrency: 4, plan: { seed: 11 } },
      jobRegistry,
    );
    expect(estimate).toMatchObject({ count: 30, textbooks: 15, exercises: 15, cells: 30, cellsUsed: 30, sampled: false, priceKnown: true, outputTokensSource: "default" });
    expect(estimate.inputTokens).toBeGreaterThan(30 * 150);
    expect(estimate.outputTokens).toBe(15 * 950 + 15 * 380);
    const dataset = await db().dataset.findUniqueOrThrow({ where: { id: datasetId } });
    expect(dataset.kind).toBe("textbook");
    expect(await db().generationItem.count({ where: { campaignId: id } })).toBe(30);

    const progress: [number, number, string?][] = [];
    const result = await runGenerationCampaign(id, plainContext((d, t, m) => progress.push([d, t, m])), { retryBaseDelayMs: 10 });
    expect(result).toEqual({ status: "succeeded", total: 30 });

    const campaign = await db().generationCampaign.findUniqueOrThrow({ where: { id } });
    const sums = await generationItemSums(id);
    expect(sums.byStatus.pending).toBe(0);
    expect(sums.byStatus.generated + sums.byStatus.failed).toBe(30);
    expect(campaign).toMatchObject({ status: "succeeded", total: 30, generated: sums.byStatus.generated, failed: sums.byStatus.failed });
    // Malformed replies fail with the reply kept; plain replies went through the fallback parser.
    expect(sums.byStatus.failed).toBeGreaterThan(0);
    expect(sums.byStatus.generated).toBeGreaterThan(15);
    for (const item of sums.items.filter((i) => i.status === "failed")) {
      expect(item.error).toMatch(/unparseable reply/);
      expect(item.rawReply).toBe("I'm not able to write this right now.");
      expect(item.snippetId).toBeNull();
    }
    expect(fake.stats().byStatus["429"]).toBeGreaterThan(0);
    expect(fake.stats().byStatus["500"]).toBeGreaterThan(0);
    expect(fake.stats().byStatus.timeout).toBeGreaterThan(0);
    expect(campaign.retries).toBeGreaterThan(0);
    expect(campaign.requests).toBe(sums.requests);
    expect(campaign.requests).toBe(fake.stats().chatCompletions);

    // One snippet per generated item, none twice, each with its SyntheticItem (constraints) and version 1.
    const generated = sums.items.filter((i) => i.status === "generated");
    expect(new Set(generated.map((i) => i.snippetId)).size).toBe(generated.length);
    const snippets = await db().snippet.findMany({ where: { datasetId }, include: { synthetic: true, syntheticEdits: true } });
    expect(snippets).toHaveLength(generated.length);
    expect((await db().dataset.findUniqueOrThrow({ where: { id: datasetId } })).snippetCount).toBe(generated.length);
    const byId = new Map(snippets.map((s) => [s.id, s]));
    for (const item of generated) {
      const s = byId.get(item.snippetId!)!;
      expect(s.synthetic).toMatchObject({ kind: item.kind, topic: item.topic, audience: item.audience, functionName: item.functionName, campaignId: id, reviewStatus: "pending", version: 1 });
      expect(s.language).toBe(item.kind === "exercise" ? "python" : "markdown");
      expect(s.syntheticEdits.map((e) => e.version)).toEqual([1]);
      const parts = JSON.parse(s.syntheticEdits[0].content);
      expect(composeContent(item.kind as "textbook" | "exercise", parts)).toBe(s.content);
      if (item.kind === "exercise") expect(s.synthetic!.prompt).toContain(`def ${item.functionName}(`);
      else expect(s.synthetic!.title).toBeTruthy();
    }

    // Tokens and cost: campaign totals = sum over items = the server's usage for the replies it delivered.
    expect(Number(campaign.inputTokens)).toBe(sums.inputTokens);
    expect(Number(campaign.outputTokens)).toBe(sums.outputTokens);
    expect(fake.stats().usage).toEqual({ inputTokens: sums.inputTokens, outputTokens: sums.outputTokens });
    const price = (await getPrice(campaign.model))!;
    expect(campaign.costUsd).toBeCloseTo((sums.inputTokens * price.inputPerMTok + sums.outputTokens * price.outputPerMTok) / 1e6, 9);
    expect(campaign.costUsd).toBeCloseTo(sums.costUsd, 9);
    expect(progress.at(-1)?.slice(0, 2)).toEqual([30, 30]);

    const coverage = await getGridCoverage({ campaignId: id });
    expect(coverage.cellsTotal).toBe(30);
    expect(coverage.cells.every((c) => c.planned === 1)).toBe(true);
    expect(coverage.cells.reduce((a, c) => a + c.generated, 0)).toBe(generated.length);

    // Retry failed: only the failed items are sent again, and they keep what their failed attempts cost.
    fake.setFaults({});
    // The run above was called directly; its job, as a worker would have left it, has finished.
    await db().job.update({ where: { id: campaign.jobId! }, data: { status: "succeeded" } });
    const before = fake.stats().chatCompletions;
    const failedBefore = sums.items.filter((i) => i.status === "failed");
    await retryFailedGeneration({ campaignId: id }, jobRegistry);
    expect(await runGenerationCampaign(id, plainContext(), { retryBaseDelayMs: 10 })).toEqual({ status: "succeeded", total: 30 });
    expect(fake.stats().chatCompletions - before).toBe(failedBefore.length);
    const after = await generationItemSums(id);
    expect(after.byStatus).toEqual({ pending: 0, generated: 30, failed: 0 });
    for (const f of failedBefore) {
      const now = after.items.find((i) => i.id === f.id)!;
      expect(now.inputTokens).toBeGreaterThan(f.inputTokens ?? 0);
      expect(now.attempts).toBe(f.attempts + 1);
    }
    const again = await db().generationCampaign.findUniqueOrThrow({ where: { id } });
    expect(again).toMatchObject({ generated: 30, failed: 0, requests: after.requests });
    expect(Number(again.inputTokens)).toBe(after.inputTokens);
  });
});

describe("duplicates and resuming", () => {
  it("a reply identical to an existing snippet links to it instead of failing", async () => {
    fake.setFaults({});
    const { id, datasetId } = await createGenerationCampaign({ datasetName: "synthetic-dups", kind: "textbook", topics: ["recursion"], audiences: ["a data analyst"], count: 3, concurrency: 1, plan: { seed: 3 } }, jobRegistry);
    await runGenerationCampaign(id, plainContext(), { retryBaseDelayMs: 10 });
    const sums = await generationItemSums(id);
    expect(sums.byStatus).toEqual({ pending: 0, generated: 3, failed: 0 });
    expect(new Set(sums.items.map((i) => i.snippetId)).size).toBe(1);
    expect(await db().snippet.count({ where: { datasetId } })).toBe(1);
    expect((await db().dataset.findUniqueOrThrow({ where: { id: datasetId } })).snippetCount).toBe(1);
    const page = await listGenerationItems({ campaignId: id });
    expect(page.items.map((i) => i.linkedExisting)).toEqual([false, true, true]);
    expect(page.counts).toEqual({ pending: 0, generated: 3, failed: 0 });
  });

  it("after a crash mid-run, the next run generates only the pending items", { timeout: 60_000 }, async () => {
    fake.setFaults({});
    const { id } = await createGenerationCampaign({ datasetName: "synthetic-resume", kind: "exercise", topics: TOPICS, audiences: AUDIENCES, count: 24, concurrency: 3, plan: { seed: 5 } }, jobRegistry);
    const crash = new AbortController();
    const first = runGenerationCampaign(id, plainContext((done) => done >= 8 && crash.abort(new Error("worker died")), crash.signal), { retryBaseDelayMs: 10 });
    // An abort that is neither a cancel nor a lease loss is a shutdown: the campaign goes back to the queue.
    expect(await first).toEqual({ status: "interrupted", total: 24 });
    const mid = await generationItemSums(id);
    expect(mid.byStatus.generated).toBeGreaterThanOrEqual(8);
    expect(mid.byStatus.pending).toBeGreaterThan(0);
    expect((await db().generationCampaign.findUniqueOrThrow({ where: { id } })).status).toBe("queued");

    // Requests the crash abandoned may still reach the server after this point; they are not billed to items.
    const requestsBefore = fake.stats().chatCompletions;
    const done = new Map(mid.items.filter((i) => i.status === "generated").map((i) => [i.id, i]));
    expect(await runGenerationCampaign(id, plainContext(), { retryBaseDelayMs: 10 })).toEqual({ status: "succeeded", total: 24 });
    const end = await generationItemSums(id);
    expect(end.byStatus).toEqual({ pending: 0, generated: 24, failed: 0 });
    // Each item pending at the crash was sent once more (no fault plan: one request each); the others not at all.
    const pendingAtCrash = new Set(mid.items.filter((i) => i.status === "pending").map((i) => i.id));
    for (const item of end.items.filter((i) => pendingAtCrash.has(i.id))) expect(item.attempts).toBe(1);
    expect(fake.stats().chatCompletions - requestsBefore).toBeGreaterThanOrEqual(mid.byStatus.pending);
    for (const item of end.items.filter((i) => done.has(i.id))) expect(item).toEqual(done.get(item.id));
    const campaign = await db().generationCampaign.findUniqueOrThrow({ where: { id } });
    expect(campaign).toMatchObject({ generated: 24, failed: 0, requests: end.requests });
    expect(Number(campaign.outputTokens)).toBe(end.outputTokens);
    // A third run of the finished campaign changes nothing.
    expect(await runGenerationCampaign(id, plainContext())).toEqual({ status: "succeeded", total: 24 });
  });
});
