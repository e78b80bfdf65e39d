import { z } from "zod";
import { db } from "@/lib/db/client";
import { onlyDatasetFilter, snippetFilterConditions, ZSnippetFilters } from "./snippet-filters";
import { and, num, sql, type Sql } from "./sql";
import type { SnippetCountResult } from "./types";

/**
 * Counting stops at the cap: beyond it the table shows "10,000+" rather than pay for an exact count.
 * With one filter besides the dataset, the count walks one index and 10,000 entries cost a few
 * milliseconds; with several, each entry of the driving index also costs a row lookup to test the
 * others, and rows examined grow as matches / selectivity, so the cap drops to 1,000.
 */
export const COUNT_CAP = 10_000;
export const COUNT_CAP_COMBINED = 1_000;
/** Row-by-row filters (modelId, source) are counted in id windows of this size, for about this long. */
export const COUNT_WINDOW = 50_000;
export const COUNT_BUDGET_MS = 250;

/** The snippet filters (cursor, sort and limit are not needed to count). */
export const ZCountSnippets = ZSnippetFilters;
export type TCountSnippets = z.input<typeof ZCountSnippets>;

/**
 * How many snippets match, when that is cheap:
 * - dataset only (or nothing): Dataset.snippetCount, kept by the importer — no scan at all;
 * - other filters: COUNT over at most cap + 1 matching rows, which walks the filter's index;
 * - another model's probabilities or a source repository: counted in id windows within a time budget;
 * - text search: unknown (null); counting would mean scanning every row's content.
 */
export async function countSnippets(input: TCountSnippets, caps = { single: COUNT_CAP, combined: COUNT_CAP_COMBINED }, budgetMs = COUNT_BUDGET_MS): Promise<SnippetCountResult> {
  const f = ZCountSnippets.parse(input);
  if (f.q !== undefined) return { total: null, capped: false };
  if (onlyDatasetFilter(f)) {
    const agg = await db().dataset.aggregate({ where: f.dataset === undefined ? {} : { id: f.dataset }, _sum: { snippetCount: true } });
    return { total: agg._sum.snippetCount ?? 0, capped: false };
  }
  const where = snippetFilterConditions(f);
  const cap = where.length - (f.dataset === undefined ? 0 : 1) > 1 ? caps.combined : caps.single;
  if (f.modelId !== undefined || f.source !== undefined) return countInWindows(where, cap, budgetMs);
  const rows = await db().$queryRaw<{ n: unknown }[]>(sql`SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM snippet s WHERE ${and(where)} LIMIT ${cap + 1}) t`);
  const n = num(rows[0]?.n);
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

/**
 * Another model's probability range (a snippet_score probe per row) and the source repository (no index)
 * are tested row by row, so a rare match would make a plain capped COUNT read the whole table (seconds at
 * a million rows). Count them over id windows instead and stop when the cap is passed or the time budget
 * runs out: the answer is then "at least n" (capped). An index on snippet_score (modelId, probability,
 * snippetId) and on snippet (datasetId, source, id) would make exact counts cheap.
 */
async function countInWindows(where: Sql[], cap: number, budgetMs: number): Promise<SnippetCountResult> {
  const started = performance.now();
  const [range] = await db().$queryRaw<{ lo: unknown; hi: unknown }[]>(sql`SELECT MIN(id) AS lo, MAX(id) AS hi FROM snippet`);
  const hi = num(range?.hi);
  let n = 0;
  for (let from = num(range?.lo) - 1; from < hi; from += COUNT_WINDOW) {
    const rows = await db().$queryRaw<{ n: unknown }[]>(
      sql`SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM snippet s WHERE ${and([...where, sql`s.id > ${from}`, sql`s.id <= ${from + COUNT_WINDOW}`])} LIMIT ${cap + 1 - n}) t`,
    );
    n += num(rows[0]?.n);
    if (n > cap) return { total: cap, capped: true };
    if (from + COUNT_WINDOW < hi && performance.now() - started > budgetMs) return { total: n, capped: true };
  }
  return { total: n, capped: false };
}
