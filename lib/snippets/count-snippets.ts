import { z } from "zod";
import { db } from "@/lib/db/client";
import { onlyDatasetFilter, snippetFilterConditions, ZSnippetFilters } from "./snippet-filters";
import { and, num, sql } from "./sql";
import type { SnippetCountResult } from "./types";

/**
 * Counting stops at the cap: beyond it the table shows "10,000+" rather than pay for an exact count.
 * With one filter besides the dataset, the count walks one index and 10,000 entries cost a few
 * milliseconds; with several, each entry of the driving index also costs a row lookup to test the
 * others, and rows examined grow as matches / selectivity, so the cap drops to 1,000.
 */
export const COUNT_CAP = 10_000;
export const COUNT_CAP_COMBINED = 1_000;

/** The snippet filters (cursor, sort and limit are not needed to count). */
export const ZCountSnippets = ZSnippetFilters;
export type TCountSnippets = z.input<typeof ZCountSnippets>;

/**
 * How many snippets match, when that is cheap:
 * - dataset only (or nothing): Dataset.snippetCount, kept by the importer — no scan at all;
 * - other filters: COUNT over at most cap + 1 matching rows, which walks the filter's index;
 * - text search: unknown (null); counting would mean scanning every row's content.
 */
export async function countSnippets(input: TCountSnippets, caps = { single: COUNT_CAP, combined: COUNT_CAP_COMBINED }): Promise<SnippetCountResult> {
  const f = ZCountSnippets.parse(input);
  if (f.q !== undefined) return { total: null, capped: false };
  if (onlyDatasetFilter(f)) {
    const agg = await db().dataset.aggregate({ where: f.dataset === undefined ? {} : { id: f.dataset }, _sum: { snippetCount: true } });
    return { total: agg._sum.snippetCount ?? 0, capped: false };
  }
  const where = snippetFilterConditions(f);
  const cap = where.length - (f.dataset === undefined ? 0 : 1) > 1 ? caps.combined : caps.single;
  const rows = await db().$queryRaw<{ n: unknown }[]>(sql`SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM snippet s WHERE ${and(where)} LIMIT ${cap + 1}) t`);
  const n = num(rows[0]?.n);
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}
