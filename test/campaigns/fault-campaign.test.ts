import { afterAll, beforeAll, expect, it } from "vitest";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { runCampaign } from "@/lib/campaigns/run-campaign";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { getPrice } from "@/lib/llm/pricing/get-price";
import { jobRegistry } from "@/workers/registry";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { useTestDatabase } from "../helpers/db";
import { configureLlm, itemSums, seedDataset } from "./fixtures";

/**
 * The fault campaign: 500 snippets against a server answering 10% 429 (Retry-After), 5% 500,
 * 2% malformed replies and ~1% hangs past the client timeout (2 s: long enough that an ordinary reply on
 * a loaded test machine never times out, since a reply the client gave up on is billed but never seen). Every item ends labeled or failed with a
 * reason, no label is duplicated, and the money adds up three ways: campaign = sum of items = what the
 * server reported for the replies it sent.
 */
useTestDatabase();
let fake: FakeOpenAI;
let dataset: { id: number; snippetIds: number[] };

beforeAll(async () => {
  fake = await startFakeOpenAI({
    apiKey: "sk-test-fault",
    hangMs: 5_000,
    faults: { rate429: 0.1, rate500: 0.05, rateMalformedReply: 0.02, rateTimeout: 0.01, retryAfterSeconds: 1, seed: 42 },
  });
  await configureLlm(fake.baseURL, { apiKey: "sk-test-fault", timeoutMs: 2_000 });
  dataset = await seedDataset("faults", 500);
});
afterAll(async () => {
  await fake?.close();
});

it("labels 500 snippets through 429s, 500s, timeouts and malformed replies, accounting for every token", { timeout: 120_000 }, async () => {
  const { id, estimate } = await createCampaign({ datasetId: dataset.id, concurrency: 16 }, jobRegistry);
  expect(estimate).toMatchObject({ count: 500, sampled: false, priceKnown: true, alreadyLabeled: 0 });
  expect(estimate.inputTokens).toBeGreaterThan(500 * 50);

  const progress: [number, number, string?][] = [];
  const result = await runCampaign(id, plainContext((d, t, m) => progress.push([d, t, m])), { retryBaseDelayMs: 20 });
  expect(result).toEqual({ status: "succeeded", total: 500 });

  const campaign = await db().labelCampaign.findUniqueOrThrow({ where: { id } });
  const sums = await itemSums(id);
  expect(sums.byStatus.pending).toBe(0);
  expect(sums.byStatus.labeled + sums.byStatus.failed).toBe(500);
  expect(campaign).toMatchObject({ status: "succeeded", total: 500, labeled: sums.byStatus.labeled, failed: sums.byStatus.failed, skipped: 0 });
  expect(campaign.finishedAt).not.toBeNull();
  // ~2% malformed replies are not retried: they fail with the reply kept; everything else got through.
  expect(sums.byStatus.failed).toBeGreaterThan(0);
  expect(sums.byStatus.failed).toBeLessThan(30);
  for (const item of sums.items.filter((i) => i.status === "failed")) {
    expect(item.error).toMatch(/unparseable reply/);
    expect(item.rawReply).toBeTruthy();
  }
  for (const item of sums.items.filter((i) => i.status === "labeled")) expect(item.score).toBeGreaterThanOrEqual(0);

  // Retries happened and were counted.
  expect(campaign.retries).toBeGreaterThan(30);
  expect(campaign.requests).toBe(sums.requests);
  expect(campaign.requests).toBe(fake.stats().chatCompletions);
  expect(fake.stats().byStatus["429"]).toBeGreaterThan(0);
  expect(fake.stats().byStatus["500"]).toBeGreaterThan(0);
  expect(fake.stats().byStatus.timeout).toBeGreaterThan(0);

  // One label per labeled item, none twice, each matching the server's deterministic score.
  const labels = await db().llmLabel.findMany({ where: { snippet: { datasetId: dataset.id } } });
  expect(labels).toHaveLength(sums.byStatus.labeled);
  expect(new Set(labels.map((l) => l.snippetId)).size).toBe(labels.length);
  expect(labels.every((l) => l.campaignId === id && l.origin === "campaign")).toBe(true);
  const snippets = await db().snippet.findMany({ where: { datasetId: dataset.id }, select: { id: true, llmScore: true } });
  const scoreById = new Map(labels.map((l) => [l.snippetId, l.score]));
  for (const s of snippets) expect(s.llmScore).toBe(scoreById.get(s.id) ?? null);

  // Tokens and cost: campaign totals = sum over items = the server's usage for the replies it delivered.
  expect(Number(campaign.inputTokens)).toBe(sums.inputTokens);
  expect(Number(campaign.outputTokens)).toBe(sums.outputTokens);
  expect(fake.stats().usage).toEqual({ inputTokens: sums.inputTokens, outputTokens: sums.outputTokens });
  expect(campaign.costUsd).toBeCloseTo(sums.costUsd, 9);
  const price = (await getPrice(campaign.model))!;
  const expected = (sums.inputTokens * price.inputPerMTok + sums.outputTokens * price.outputPerMTok) / 1e6;
  expect(campaign.costUsd).toBeCloseTo(expected, 9);

  expect(progress.at(-1)?.slice(0, 2)).toEqual([500, 500]);
  expect(progress.at(-1)?.[2]).toMatch(/^\d+ labeled · \d+ failed · \$\d+\.\d{4}$/);
});
