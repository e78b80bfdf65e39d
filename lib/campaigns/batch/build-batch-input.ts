import type { PromptVersion } from "@/lib/llm/types";
import { batchRequestLine } from "./batch-request-line";
import { pageBatchItems } from "./page-batch-items";

const PAGE = 500;

/** The JSONL input file of one chunk: a line per item of the chunk that is still pending. */
export async function buildBatchInput({ campaign, chunk, prompt }: { campaign: { id: number; model: string }; chunk: number; prompt: PromptVersion }): Promise<{ jsonl: Buffer; count: number }> {
  const parts: Buffer[] = [];
  for (let after = 0; ; ) {
    const items = await pageBatchItems({ campaignId: campaign.id, chunk, after, limit: PAGE });
    for (const item of items) parts.push(Buffer.from(batchRequestLine({ itemId: item.itemId, model: campaign.model, prompt, snippet: item.snippet }) + "\n"));
    if (items.length < PAGE) break;
    after = items[items.length - 1].itemId;
  }
  return { jsonl: Buffer.concat(parts), count: parts.length };
}
