import { groupCommit } from "@/lib/db/group-commit";
import type { getPrice } from "@/lib/llm/pricing/get-price";
import { recordItemResults, type ItemResult, type RecordedStatus, type RecordItemCampaign } from "./record-item-result";

const MAX_GROUP = 256;

/** Group commit (lib/db/group-commit.ts) of a labeling campaign's results, 256 at most per transaction. */
export function createResultWriter(campaign: RecordItemCampaign, price: Awaited<ReturnType<typeof getPrice>>): (result: ItemResult) => Promise<RecordedStatus | null> {
  return groupCommit((results: ItemResult[]) => recordItemResults({ campaign, price, results }), MAX_GROUP);
}
