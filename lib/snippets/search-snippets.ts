import { z } from "zod";
import { db, dialect } from "@/lib/db/client";
import { decodeCursor, encodeCursor, type Cursor } from "./cursor";
import { humanRangeIsOrdered, likePattern, llmScoreNullability, onlyDatasetFilter, probNullability, probRangeIsOrdered, scoreRangeIsOrdered, sideNeedsAudit, snippetFilterConditions, ZSnippetFilterFields, type TSnippetFilters } from "./snippet-filters";
import { and, num, numOrNull, raw, sql, type Sql } from "./sql";
import type { SnippetHumanLabel, SnippetPage, SnippetRow } from "./types";

export const SNIPPET_SORTS = ["id", "-id", "llmScore", "-llmScore", "prob", "-prob", "size", "-size"] as const;
export type SnippetSort = (typeof SNIPPET_SORTS)[number];

/**
 * Text search examines rows in windows of SEARCH_WINDOW, and starts no new window once SEARCH_BUDGET_MS
 * have passed: a page over a million rows answers in about that time whatever the needle.
 */
export const SEARCH_WINDOW = 10_000;
export const SEARCH_BUDGET_MS = 250;

export const ZSearchSnippets = ZSnippetFilterFields.extend({
  sort: z.preprocess((v) => (v === "" ? undefined : v), z.enum(SNIPPET_SORTS).default("id")),
  cursor: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(400).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
  .refine(...scoreRangeIsOrdered)
  .refine(...probRangeIsOrdered)
  .refine(...humanRangeIsOrdered)
  .refine(...sideNeedsAudit);
export type TSearchSnippets = z.input<typeof ZSearchSnippets>;

/** Knobs for tests and benchmarks; the API uses the defaults. */
export type SearchTuning = { searchWindow?: number; searchBudgetMs?: number };

/**
 * One page of the snippet table, by keyset pagination: a page is "the next `limit` rows after (or before)
 * the cursor row in the sort order", so page 10,000 costs what page 1 costs, and no OFFSET is ever used.
 *
 * A sort is split into segments that each map onto one index range: the id sort is one segment; the
 * LLM-score sort is "unlabeled" (NULL, ordered by id) then "scored" (ordered by score, id), and the
 * classifier-probability sort likewise "unscored" then "scored" on (datasetId, classifierProb, id),
 * because SQLite and PostgreSQL disagree on where NULLs sort and a NULL never satisfies a row-value
 * comparison.
 * Within a segment the bound is a row-value comparison `(key, id) > (k, i)`, which both databases turn
 * into an index seek on (datasetId, key[, id]).
 *
 * Text search (`q`) cannot use an index (substring at any position), nor can the source repository, so they walk the filtered rows in
 * sort order one window at a time and tests only those. When the time budget runs out before the page
 * is full, the page comes back short with `scanned` set and a nextCursor that resumes after the last row
 * examined: a search over a million rows answers in bounded time, and "Next" keeps searching.
 */
export async function searchSnippets(input: TSearchSnippets, tuning: SearchTuning = {}): Promise<SnippetPage> {
  const opts = ZSearchSnippets.parse(input);
  const { sort, limit, cursor: rawCursor, ...filters } = opts;
  const window = tuning.searchWindow ?? SEARCH_WINDOW;
  const budgetMs = tuning.searchBudgetMs ?? SEARCH_BUDGET_MS;
  const started = performance.now();
  const cursor = rawCursor ? decodeCursor(rawCursor, sort) : null;
  const back = cursor?.d === "b";
  const asc = sort.startsWith("-") === back; // direction this request walks the index in
  const segments = segmentsFor(sort, filters);
  const walk = asc ? segments : [...segments].reverse();
  // The source repository has no index either: like the text, it is tested inside bounded windows.
  const { source, ...indexed } = filters;
  const base = snippetFilterConditions(indexed, { walkIds: await preferIdWalk(sort, filters) });
  const tests = [...(filters.q === undefined ? [] : [matchCondition(filters.q)]), ...(source === undefined ? [] : [sql`s.source = ${source}`])];
  const match = tests.length ? and(tests) : null;

  const rows: RawRow[] = [];
  let scanned = 0;
  let stoppedAt: Cursor | null = null; // search only: last row examined when the time budget ran out
  const from = cursor ? walk.findIndex((seg) => holds(seg, segments, cursor)) : 0;
  for (const seg of from < 0 ? [] : walk.slice(from)) {
    let position = cursor && holds(seg, segments, cursor) ? cursor : null;
    for (;;) {
      const where = and([...base, ...(seg.extra ? [seg.extra] : []), ...(position ? [boundCondition(seg, position, asc)] : [])]);
      const need = limit + 1 - rows.length;
      if (!match) {
        rows.push(...(await db().$queryRaw<RawRow[]>(sql`SELECT ${COLUMNS} FROM snippet s WHERE ${where} ORDER BY ${orderBy(seg, asc)} LIMIT ${need}`)));
        break;
      }
      const windowSql = sql`SELECT s.id AS id, ${seg.key ?? sql`NULL`} AS k FROM snippet s WHERE ${where} ORDER BY ${orderBy(seg, asc)} LIMIT ${window}`;
      const found = await db().$queryRaw<RawRow[]>(
        // CROSS JOIN fixes the join order on SQLite (window outside): with bound parameters its planner
        // otherwise may scan all of snippet and probe the window, testing the needle on every row.
        sql`WITH w AS (${windowSql}) SELECT ${COLUMNS} FROM w CROSS JOIN snippet s WHERE s.id = w.id AND ${match} ORDER BY ${orderBy(seg, asc)} LIMIT ${need}`,
      );
      rows.push(...found);
      if (found.length >= need) break;
      // Page not full: how far did this window reach, and was it the end of the segment?
      const dir = raw(asc ? "DESC" : "ASC");
      const [tail] = await db().$queryRaw<{ id: unknown; k: unknown; n: unknown }[]>(
        sql`WITH w AS (${windowSql}) SELECT w.id AS id, w.k AS k, (SELECT COUNT(*) FROM w) AS n FROM w ORDER BY w.k ${dir}, w.id ${dir} LIMIT 1`,
      );
      const n = num(tail?.n);
      scanned += n;
      if (n < window) break; // segment exhausted: go on with the next one
      position = { d: "a", s: sort, k: numOrNull(tail.k), i: num(tail.id) };
      if (performance.now() - started > budgetMs) {
        stoppedAt = position;
        break;
      }
    }
    if (rows.length > limit || stoppedAt) break;
  }

  const pageRows = rows.slice(0, limit);
  if (back) pageRows.reverse();
  const items = await withHumanLabels(pageRows);
  const at = (r: RawRow, d: "a" | "b"): string => encodeCursor({ d, s: sort, k: sortKey(sort, r), i: num(r.id) });
  const first = pageRows[0];
  const last = pageRows[pageRows.length - 1];
  const full = rows.length > limit;
  let nextCursor: string | null = null;
  let prevCursor: string | null = null;
  if (!back) {
    // Forward: more after when the page overflowed or the search stopped early; rows before exist
    // whenever we came from a cursor.
    nextCursor = full ? at(last, "a") : stoppedAt ? encodeCursor(stoppedAt) : null;
    if (cursor) prevCursor = first ? at(first, "b") : encodeCursor({ ...(stoppedAt ?? cursor), d: "b" });
  } else {
    prevCursor = full ? at(first, "b") : stoppedAt ? encodeCursor({ ...stoppedAt, d: "b" }) : null;
    nextCursor = last ? at(last, "a") : encodeCursor({ ...(stoppedAt ?? cursor!), d: "a" });
  }
  return { items, nextCursor, prevCursor, total: await freeTotal(filters, !cursor && !full && !stoppedAt ? items.length : null), scanned: stoppedAt ? scanned : null };
}

/**
 * The total when it costs nothing: Dataset.snippetCount when only a dataset is chosen, or the page itself
 * when the first page holds every match. Otherwise null, and the client asks GET /api/snippets/count
 * (once per filter set, not once per page).
 */
async function freeTotal(f: TSnippetFilters, wholeFirstPage: number | null): Promise<number | null> {
  if (wholeFirstPage !== null) return wholeFirstPage;
  if (f.q !== undefined || f.source !== undefined || !onlyDatasetFilter(f)) return null;
  const agg = await db().dataset.aggregate({ where: f.dataset === undefined ? {} : { id: f.dataset }, _sum: { snippetCount: true } });
  return agg._sum.snippetCount ?? 0;
}

/**
 * SQLite only. With the dataset as the only equality filter and the id sort, no index yields rows of one
 * dataset in id order: (datasetId, language|llmScore|reviewCount) order by their second column first. The
 * planner then reads every (datasetId, …) entry of the dataset and sorts them for each page — 30 ms to
 * 150 ms at a million rows, ~150 ms per search window. Walking the primary key and testing datasetId
 * touches about limit / share rows instead, which is the better plan whenever the dataset is a sizeable
 * share of the table; for a small dataset in a big table the index-and-sort plan stays. An index on
 * (datasetId, id) would make this unnecessary (see the browse report).
 */
async function preferIdWalk(sort: SnippetSort, f: TSnippetFilters): Promise<boolean> {
  if (dialect() !== "sqlite" || sort.replace("-", "") !== "id" || f.dataset === undefined) return false;
  const activeProb = f.modelId === undefined && (f.minProb !== undefined || f.maxProb !== undefined);
  const idList = f.auditId !== undefined || f.minHumanScore !== undefined || f.maxHumanScore !== undefined;
  const indexed = f.language !== undefined || f.llmScore !== undefined || activeProb || idList || (f.reviewed !== undefined && f.reviewed !== "any") || f.reviewer !== undefined || f.humanScore !== undefined;
  if (indexed) return false;
  const [row] = await db().$queryRaw<{ mine: unknown; total: unknown }[]>(
    sql`SELECT (SELECT "snippetCount" FROM dataset WHERE id = ${f.dataset}) AS mine, (SELECT SUM("snippetCount") FROM dataset) AS total`,
  );
  const total = num(row?.total);
  return total > 0 && num(row?.mine) / total >= 0.1;
}

type RawRow = {
  id: unknown; datasetId: unknown; head: string | null; path: string | null; language: string; source: string | null;
  license: string | null; sizeBytes: unknown; lineCount: unknown; llmScore: unknown; reviewCount: unknown; classifierProb: unknown;
};

// Only the head of the content: the table shows one line, and the full text can be ~100 KB.
const COLUMNS = sql`s.id AS "id", s."datasetId" AS "datasetId", substr(s.content, 1, 400) AS "head", s.path AS "path",
  s.language AS "language", s.source AS "source", s.license AS "license", s."sizeBytes" AS "sizeBytes",
  s."lineCount" AS "lineCount", s."llmScore" AS "llmScore", s."reviewCount" AS "reviewCount", s."classifierProb" AS "classifierProb"`;

type Segment = { key: Sql | null; nulls: boolean; extra: Sql | null };

/** Segments of a sort, in ascending order. */
function segmentsFor(sort: SnippetSort, f: TSnippetFilters): Segment[] {
  const field = sort.replace("-", "");
  if (field === "id") return [{ key: null, nulls: false, extra: null }];
  if (field === "size") return [{ key: sql`s."sizeBytes"`, nulls: false, extra: null }];
  if (field === "prob") {
    const scored: Segment = { key: sql`s."classifierProb"`, nulls: false, extra: sql`s."classifierProb" IS NOT NULL` };
    // Unscored counts as the lowest probability, as unlabeled does for the LLM score.
    return probNullability(f) === "not-null" ? [scored] : [{ key: null, nulls: true, extra: sql`s."classifierProb" IS NULL` }, scored];
  }
  const unlabeled: Segment = { key: null, nulls: true, extra: sql`s."llmScore" IS NULL` };
  const scored: Segment = { key: sql`s."llmScore"`, nulls: false, extra: sql`s."llmScore" IS NOT NULL` };
  const which = llmScoreNullability(f);
  // Unlabeled counts as the lowest score: first ascending, last descending.
  return which === "null-only" ? [unlabeled] : which === "not-null" ? [scored] : [unlabeled, scored];
}

/** Whether the cursor row lies in this segment. */
function holds(seg: Segment, all: Segment[], c: Cursor): boolean {
  if (all.length === 1) return true;
  return seg.nulls ? c.k === null : c.k !== null;
}

function boundCondition(seg: Segment, c: Cursor, asc: boolean): Sql {
  const op = raw(asc ? ">" : "<");
  return seg.key && c.k !== null ? sql`(${seg.key}, s.id) ${op} (${c.k}, ${c.i})` : sql`s.id ${op} ${c.i}`;
}

function orderBy(seg: Segment, asc: boolean): Sql {
  const dir = raw(asc ? "ASC" : "DESC");
  return seg.key ? sql`${seg.key} ${dir}, s.id ${dir}` : sql`s.id ${dir}`;
}

function sortKey(sort: SnippetSort, r: RawRow): number | null {
  const field = sort.replace("-", "");
  if (field === "size") return num(r.sizeBytes);
  if (field === "llmScore") return numOrNull(r.llmScore);
  if (field === "prob") return numOrNull(r.classifierProb);
  return null;
}

function matchCondition(q: string): Sql {
  const p = likePattern(q);
  // SQLite's LIKE folds ASCII case only; PostgreSQL's ILIKE folds all of Unicode.
  const like = raw(dialect() === "postgres" ? "ILIKE" : "LIKE");
  return sql`(s.content ${like} ${p} ESCAPE '\\' OR s.path ${like} ${p} ESCAPE '\\' OR s.source ${like} ${p} ESCAPE '\\')`;
}

function firstLine(head: string | null): string {
  const line = (head ?? "").split("\n").find((l) => l.trim() !== "") ?? "";
  return line.trim().slice(0, 160);
}

async function withHumanLabels(rows: RawRow[]): Promise<SnippetRow[]> {
  const ids = rows.map((r) => num(r.id));
  const labels = ids.length
    ? await db().humanLabel.findMany({
        where: { snippetId: { in: ids }, status: "labeled" },
        select: { snippetId: true, userId: true, score: true, agreed: true, user: { select: { name: true } } },
        orderBy: { id: "asc" },
      })
    : [];
  const bySnippet = new Map<number, SnippetHumanLabel[]>();
  for (const l of labels) {
    const list = bySnippet.get(l.snippetId) ?? [];
    list.push({ userId: l.userId, userName: l.user.name, score: l.score, agreed: l.agreed });
    bySnippet.set(l.snippetId, list);
  }
  return rows.map((r) => ({
    id: num(r.id),
    datasetId: num(r.datasetId),
    preview: firstLine(r.head),
    path: r.path,
    language: r.language,
    source: r.source,
    license: r.license,
    sizeBytes: num(r.sizeBytes),
    lineCount: num(r.lineCount),
    llmScore: numOrNull(r.llmScore),
    classifierProb: numOrNull(r.classifierProb),
    reviewCount: num(r.reviewCount),
    humanLabels: bySnippet.get(num(r.id)) ?? [],
  }));
}
