import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import type { PromptVersion } from "@/lib/llm/types";
import { batchRequestLine } from "./batch-request-line";
import { BATCH_LIMITS } from "./batch-settings";
import { pageBatchItems } from "./page-batch-items";

const PAGE = 500;

export type PlanBatchChunksInput = {
  campaign: { id: number; model: string };
  prompt: PromptVersion;
  maxRequests?: number;
  maxBytes?: number;
};

/**
 * Splits the campaign's pending items that have no chunk yet into chunks of at most `maxRequests` lines and
 * `maxBytes` of JSONL (sizes measured on the real lines), in item id order. Each chunk is written in one
 * transaction — its LlmBatch row and its items' `batchChunk` together — so after a crash a chunk either
 * exists whole or not at all, and a rerun plans only what is left. Returns how many chunks it created.
 */
export async function planBatchChunks({ campaign, prompt, maxRequests = BATCH_LIMITS.maxRequests, maxBytes = BATCH_LIMITS.maxBytes }: PlanBatchChunksInput): Promise<number> {
  const last = await db().llmBatch.aggregate({ where: { campaignId: campaign.id }, _max: { chunk: true } });
  let chunk = (last._max.chunk ?? 0) + 1;
  let created = 0;
  let open: { first: number; last: number; count: number; bytes: number } | null = null;

  const close = async () => {
    if (!open) return;
    const range = open;
    open = null;
    await db().$transaction(async (tx) => {
      // Items are taken in id order, so the chunk is exactly the unassigned pending items in its id range.
      const count = await tx.$executeRaw(Prisma.sql`
        UPDATE campaign_item SET "batchChunk" = ${chunk}
        WHERE "campaignId" = ${campaign.id} AND status = 'pending' AND "batchChunk" IS NULL AND id BETWEEN ${range.first} AND ${range.last}`);
      if (count > 0) await tx.llmBatch.create({ data: { campaignId: campaign.id, chunk, requestCount: count } });
    });
    chunk++;
    created++;
  };

  for (let after = 0; ; ) {
    const items = await pageBatchItems({ campaignId: campaign.id, chunk: null, after, limit: PAGE });
    for (const item of items) {
      const bytes = Buffer.byteLength(batchRequestLine({ itemId: item.itemId, model: campaign.model, prompt, snippet: item.snippet })) + 1;
      if (open && (open.count + 1 > maxRequests || open.bytes + bytes > maxBytes)) await close();
      if (!open) open = { first: item.itemId, last: item.itemId, count: 0, bytes: 0 };
      open.last = item.itemId;
      open.count++;
      open.bytes += bytes;
    }
    if (items.length < PAGE) break;
    after = items[items.length - 1].itemId;
  }
  await close();
  return created;
}
