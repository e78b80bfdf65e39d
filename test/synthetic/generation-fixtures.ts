import { db } from "@/lib/db/client";

/** Every generation item's totals summed, to compare with the campaign's counters. */
export async function generationItemSums(campaignId: number) {
  const items = await db().generationItem.findMany({ where: { campaignId }, orderBy: { position: "asc" } });
  const sum = (f: (i: (typeof items)[number]) => number | null) => items.reduce((a, i) => a + (f(i) ?? 0), 0);
  return {
    items,
    inputTokens: sum((i) => i.inputTokens),
    outputTokens: sum((i) => i.outputTokens),
    costUsd: sum((i) => i.costUsd),
    requests: sum((i) => i.attempts),
    byStatus: Object.fromEntries(["pending", "generated", "failed"].map((s) => [s, items.filter((i) => i.status === s).length])),
  };
}

export const TOPICS = ["recursion", "string manipulation", "file input and output", "dictionaries and sets", "sorting algorithms"];
export const AUDIENCES = ["a high-school student", "a data analyst", "a biology researcher"];
