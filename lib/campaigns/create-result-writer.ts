import type { getPrice } from "@/lib/llm/pricing/get-price";
import { recordItemResults, type ItemResult, type RecordedStatus, type RecordItemCampaign } from "./record-item-result";

const MAX_GROUP = 256;

/**
 * Group commit for a pool of requests: a result is written at once when no write is in progress, else
 * with every other result that arrived meanwhile, in the next transaction. Durability is the same as one
 * transaction per item (each caller's promise resolves only after its result committed), at a fraction of
 * the database time when replies arrive faster than single-item transactions commit.
 */
export function createResultWriter(campaign: RecordItemCampaign, price: Awaited<ReturnType<typeof getPrice>>) {
  type Waiting = { result: ItemResult; resolve: (s: RecordedStatus | null) => void; reject: (e: unknown) => void };
  let queue: Waiting[] = [];
  let writing = false;

  const flush = async () => {
    writing = true;
    while (queue.length) {
      const group = queue.slice(0, MAX_GROUP);
      queue = queue.slice(group.length);
      try {
        const statuses = await recordItemResults({ campaign, price, results: group.map((w) => w.result) });
        group.forEach((w, i) => w.resolve(statuses[i]));
      } catch (e) {
        group.forEach((w) => w.reject(e));
      }
    }
    writing = false;
  };

  return function write(result: ItemResult): Promise<RecordedStatus | null> {
    return new Promise((resolve, reject) => {
      queue.push({ result, resolve, reject });
      if (!writing) void flush();
    });
  };
}
