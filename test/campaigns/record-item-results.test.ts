import { beforeAll, expect, it } from "vitest";
import { materializeCampaignItems } from "@/lib/campaigns/materialize-campaign-items";
import { recordItemResults, type ItemResult } from "@/lib/campaigns/record-item-result";
import { db } from "@/lib/db/client";
import { costOf } from "@/lib/llm/pricing/cost-of";
import { getPrice } from "@/lib/llm/pricing/get-price";
import { EDU_SCORE_TASK } from "@/lib/llm/prompts/default-prompts";
import { getDefaultPrompt } from "@/lib/llm/prompts/get-default-prompt";
import type { ScoreOutcome } from "@/lib/llm/types";
import { useTestDatabase } from "../helpers/db";
import { itemSums, seedDataset } from "./fixtures";

useTestDatabase();

const MODEL = "gpt-4o-mini";
let promptId: number;
let promptVersion: string;
beforeAll(async () => {
  const prompt = await getDefaultPrompt(EDU_SCORE_TASK);
  promptId = prompt.id;
  promptVersion = prompt.version;
});

async function campaignOver(name: string, count: number) {
  const dataset = await seedDataset(name, count);
  const row = await db().labelCampaign.create({
    data: { datasetId: dataset.id, mode: "live", model: MODEL, promptId, promptVersion, filter: JSON.stringify({ scope: "all", sample: "first" }) },
  });
  await materializeCampaignItems(row.id);
  const items = await db().campaignItem.findMany({ where: { campaignId: row.id }, orderBy: { id: "asc" } });
  return { campaign: row, snippetIds: dataset.snippetIds, items };
}

const ok = (score: number, requests = 1): ScoreOutcome => ({ ok: true, score, rationale: `r${score}`, usage: { inputTokens: 100 * requests, outputTokens: 7 }, requests, latencyMs: 12 });
const bad = (requests = 1): ScoreOutcome => ({ ok: false, error: "unparseable reply: no score found", rawReply: "???", usage: { inputTokens: 90, outputTokens: 3 }, requests, latencyMs: 30 });

it("applies a group item by item: failed, labeled, skipped on an existing label, a repeat and a stranger not at all", async () => {
  const { campaign, snippetIds, items } = await campaignOver("group", 5);
  const other = await campaignOver("other", 1);
  await db().llmLabel.create({ data: { snippetId: items[2].snippetId, score: 1, model: MODEL, promptVersion } });
  const price = await getPrice(MODEL);
  const results: ItemResult[] = [
    { itemId: items[0].id, snippetId: items[0].snippetId, outcome: bad(3) },
    { itemId: items[1].id, snippetId: items[1].snippetId, outcome: ok(4, 2) },
    { itemId: items[2].id, snippetId: items[2].snippetId, outcome: ok(5) },
    { itemId: items[1].id, snippetId: items[1].snippetId, outcome: ok(0) },
    { itemId: other.items[0].id, snippetId: other.items[0].snippetId, outcome: ok(2) },
    { itemId: items[3].id, snippetId: items[3].snippetId, outcome: ok(3) },
  ];
  expect(await recordItemResults({ campaign, price, results })).toEqual(["failed", "labeled", "skipped", null, null, "labeled"]);

  const after = await db().campaignItem.findMany({ where: { campaignId: campaign.id }, orderBy: { id: "asc" } });
  expect(after.map((i) => i.status)).toEqual(["failed", "labeled", "skipped", "labeled", "pending"]);
  expect(after[0]).toMatchObject({ score: null, error: "unparseable reply: no score found", rawReply: "???", attempts: 3, inputTokens: 90, outputTokens: 3, latencyMs: 30 });
  expect(after[1]).toMatchObject({ score: 4, error: null, rawReply: null, attempts: 2, inputTokens: 200, outputTokens: 7, latencyMs: 12 });
  expect(after[1].costUsd).toBeCloseTo(costOf(price, ok(4, 2).usage), 12);
  expect(after[2]).toMatchObject({ status: "skipped", error: `already labeled by ${MODEL} with prompt ${promptVersion}` });
  expect(after[1].updatedAt.getTime()).toBeGreaterThanOrEqual(items[1].updatedAt.getTime());
  expect(await db().campaignItem.findUniqueOrThrow({ where: { id: other.items[0].id } })).toMatchObject({ status: "pending", attempts: 0 });

  const labels = await db().llmLabel.findMany({ where: { snippetId: { in: snippetIds } }, orderBy: { snippetId: "asc" } });
  expect(labels.map((l) => [l.snippetId, l.score, l.origin, l.campaignId])).toEqual([
    [items[1].snippetId, 4, "campaign", campaign.id],
    [items[2].snippetId, 1, "import", null],
    [items[3].snippetId, 3, "campaign", campaign.id],
  ]);
  expect(labels[0]).toMatchObject({ rationale: "r4", inputTokens: 200, outputTokens: 7, isExample: false });
  expect(labels[0].createdAt.getTime()).toBeLessThan(Date.now() + 1000);
  const scores = await db().snippet.findMany({ where: { id: { in: snippetIds } }, orderBy: { id: "asc" }, select: { llmScore: true } });
  expect(scores.map((s) => s.llmScore)).toEqual([null, 4, null, 3, null]);

  const row = await db().labelCampaign.findUniqueOrThrow({ where: { id: campaign.id } });
  const sums = await itemSums(campaign.id);
  expect(row).toMatchObject({ labeled: 2, failed: 1, skipped: 1, requests: 3 + 2 + 1 + 1, retries: 2 + 1 });
  expect(row.requests).toBe(sums.requests);
  expect(Number(row.inputTokens)).toBe(sums.inputTokens);
  expect(Number(row.outputTokens)).toBe(sums.outputTokens);
  expect(row.costUsd).toBeCloseTo(sums.costUsd, 12);

  // A replay (a second run got the same replies) changes nothing.
  expect(await recordItemResults({ campaign, price, results })).toEqual([null, null, null, null, null, null]);
  expect(await db().labelCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).toEqual(row);
});

it("two items of one group for the same snippet: the first labels it, the second is skipped", async () => {
  const { campaign, items } = await campaignOver("same-snippet", 2);
  const results: ItemResult[] = [
    { itemId: items[0].id, snippetId: items[1].snippetId, outcome: ok(2) },
    { itemId: items[1].id, snippetId: items[1].snippetId, outcome: ok(5) },
  ];
  expect(await recordItemResults({ campaign, price: null, results })).toEqual(["labeled", "skipped"]);
  expect((await db().llmLabel.findMany({ where: { snippetId: items[1].snippetId } })).map((l) => l.score)).toEqual([2]);
  expect((await db().snippet.findUniqueOrThrow({ where: { id: items[1].snippetId } })).llmScore).toBe(2);
  expect(await db().labelCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ labeled: 1, skipped: 1, costUsd: 0 });
});

it("waits for a Prisma transaction of this process that holds the lock, without blocking the event loop", async () => {
  const { campaign, items } = await campaignOver("locked", 1);
  let recorded: Promise<unknown> | undefined;
  let settled = false;
  const started = Date.now();
  await db().$transaction(async (tx) => {
    await tx.labelCampaign.update({ where: { id: campaign.id }, data: { estSeconds: 1 } });
    recorded = recordItemResults({ campaign, price: null, results: [{ itemId: items[0].id, snippetId: items[0].snippetId, outcome: ok(3) }] }).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(settled).toBe(false);
  });
  expect(await recorded).toEqual(["labeled"]);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(await db().labelCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ labeled: 1, estSeconds: 1 });
});
