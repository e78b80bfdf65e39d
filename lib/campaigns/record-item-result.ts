import { db, type Tx } from "@/lib/db/client";
import { costOf } from "@/lib/llm/pricing/cost-of";
import { getPrice } from "@/lib/llm/pricing/get-price";
import type { ScoreOutcome } from "@/lib/llm/types";

export type RecordItemCampaign = { id: number; datasetId: number; model: string; promptVersion: string; mode: string };
export type ItemResult = { itemId: number; snippetId: number; outcome: ScoreOutcome };
export type RecordItemResultInput = ItemResult & {
  campaign: RecordItemCampaign;
  /** The model's price row, when the caller already has it (else it is read); null: price unknown, cost 0. */
  price?: Awaited<ReturnType<typeof getPrice>>;
};

export type RecordedStatus = "labeled" | "failed" | "skipped";

/**
 * Writes one item's outcome, durably and exactly once, in one transaction:
 * - the item leaves `pending` (a conditional update: if it is no longer pending — another run already
 *   recorded it — nothing at all is written and null is returned);
 * - a successful score becomes an LlmLabel; the label is unique per snippet × model × prompt version, so
 *   when one exists already (another campaign got there first) the item becomes `skipped` instead and no
 *   second label is created; otherwise the snippet's llmScore follows the new label;
 * - the item's and the campaign's token, cost and request totals grow by the same amounts (items add to
 *   what an earlier failed attempt used), so the campaign's totals always equal the sum over its items.
 * Returns the item's new status, or null when it was not applied.
 */
export async function recordItemResult(input: RecordItemResultInput): Promise<RecordedStatus | null> {
  const price = input.price !== undefined ? input.price : await getPrice(input.campaign.model);
  const [status] = await recordItemResults({ campaign: input.campaign, price, results: [input] });
  return status;
}

/**
 * recordItemResult for several items in one transaction (group commit: the live runner writes every reply
 * that arrived while the previous write was committing). Each item is applied exactly as above; the
 * campaign's counters get one update with the sums of the items that applied.
 */
export async function recordItemResults({ campaign, price, results }: { campaign: RecordItemCampaign; price: Awaited<ReturnType<typeof getPrice>>; results: readonly ItemResult[] }): Promise<(RecordedStatus | null)[]> {
  if (results.length === 0) return [];
  const batch = campaign.mode === "batch";
  return db().$transaction(
    async (tx) => {
      const totals = { labeled: 0, failed: 0, skipped: 0, requests: 0, retries: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
      const statuses: (RecordedStatus | null)[] = [];
      const now = new Date();
      for (const r of results) {
        const cost = costOf(price, r.outcome.usage, { batch });
        const status = await applyItem(tx, campaign, r, cost, now);
        statuses.push(status);
        if (!status) continue;
        totals[status]++;
        totals.requests += r.outcome.requests;
        totals.retries += Math.max(0, r.outcome.requests - 1);
        totals.inputTokens += r.outcome.usage.inputTokens;
        totals.outputTokens += r.outcome.usage.outputTokens;
        totals.costUsd += cost;
      }
      if (statuses.some((s) => s !== null)) {
        await tx.$executeRaw`
          UPDATE label_campaign SET
            labeled = labeled + ${totals.labeled},
            failed = failed + ${totals.failed},
            skipped = skipped + ${totals.skipped},
            requests = requests + ${totals.requests},
            retries = retries + ${totals.retries},
            "inputTokens" = "inputTokens" + ${totals.inputTokens},
            "outputTokens" = "outputTokens" + ${totals.outputTokens},
            "costUsd" = "costUsd" + ${totals.costUsd}
          WHERE id = ${campaign.id}`;
      }
      return statuses;
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}

async function applyItem(tx: Tx, campaign: RecordItemCampaign, { itemId, snippetId, outcome }: ItemResult, cost: number, now: Date): Promise<RecordedStatus | null> {
  const { inputTokens, outputTokens } = outcome.usage;
  const claimed = await tx.$executeRaw`
    UPDATE campaign_item SET
      status = ${outcome.ok ? "labeled" : "failed"},
      score = ${outcome.ok ? outcome.score : null},
      error = ${outcome.ok ? null : outcome.error},
      "rawReply" = ${outcome.ok ? null : outcome.rawReply},
      attempts = attempts + ${outcome.requests},
      "inputTokens" = COALESCE("inputTokens", 0) + ${inputTokens},
      "outputTokens" = COALESCE("outputTokens", 0) + ${outputTokens},
      "costUsd" = COALESCE("costUsd", 0) + ${cost},
      "latencyMs" = ${outcome.latencyMs},
      "updatedAt" = ${now}
    WHERE id = ${itemId} AND "campaignId" = ${campaign.id} AND status = 'pending'`;
  if (claimed === 0) return null;
  if (!outcome.ok) return "failed";

  const inserted = await tx.$executeRaw`
    INSERT INTO llm_label ("snippetId", score, rationale, model, "promptVersion", "inputTokens", "outputTokens", "costUsd", origin, "isExample", "campaignId", "createdAt")
    VALUES (${snippetId}, ${outcome.score}, ${outcome.rationale}, ${campaign.model}, ${campaign.promptVersion}, ${inputTokens}, ${outputTokens}, ${cost}, 'campaign', ${false}, ${campaign.id}, ${now})
    ON CONFLICT ("snippetId", model, "promptVersion") DO NOTHING`;
  if (inserted === 1) {
    // The newest label is the snippet's score, as for imported labels.
    await tx.$executeRaw`UPDATE snippet SET "llmScore" = ${outcome.score} WHERE id = ${snippetId}`;
    return "labeled";
  }
  await tx.$executeRaw`
    UPDATE campaign_item SET status = 'skipped', error = ${`already labeled by ${campaign.model} with prompt ${campaign.promptVersion}`}
    WHERE id = ${itemId}`;
  return "skipped";
}
