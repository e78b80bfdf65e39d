import { z } from "zod";
import { and, sql, type Sql } from "./sql";

/** Query-string values: an empty parameter (`language=`) means "no filter". */
const opt = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());
const score = z.coerce.number().int().min(0).max(5);
const probability = z.coerce.number().min(0).max(1);

/**
 * Filters of the snippet table, shaped for a URL query string (all values arrive as strings). Shared by
 * the API route, the page and the tests.
 */
export const ZSnippetFilterFields = z.object({
  dataset: opt(z.coerce.number().int().positive()),
  language: opt(z.string().trim().min(1).max(100)),
  /** Exact LLM score 0–5, or "unlabeled" (no LLM label yet). */
  llmScore: opt(z.union([z.literal("unlabeled"), score])),
  /** Inclusive LLM score range; excludes unlabeled snippets. */
  minScore: opt(score),
  maxScore: opt(score),
  /** reviewed: at least one human label; unreviewed: none. */
  reviewed: opt(z.enum(["any", "reviewed", "unreviewed"])),
  /** A user id: snippets this user labeled. */
  reviewer: opt(z.string().trim().min(1).max(100)),
  /** Snippets with a human label of this score (by `reviewer` when both are given). */
  humanScore: opt(score),
  /** Inclusive range of the active classifier's P(high value), 0–1; excludes snippets not scored yet. */
  minProb: opt(probability),
  maxProb: opt(probability),
  /**
   * With minProb/maxProb: the range applies to this classifier model's scores (snippet_score) instead of
   * the active model's classifierProb, so an audit of an older model drills into that model's sets.
   */
  modelId: opt(z.coerce.number().int().positive()),
  /** Snippets sampled by this audit; with `side`, only its kept or rejected sample. */
  auditId: opt(z.coerce.number().int().positive()),
  side: opt(z.enum(["kept", "rejected"])),
  /** Inclusive range of the median human score (labeled, not skipped; the training-target rule). */
  minHumanScore: opt(score),
  maxHumanScore: opt(score),
  /** Exact source repository. */
  source: opt(z.string().trim().min(1).max(300)),
  /** Case-insensitive substring of content, path or source repo (ASCII case folding on SQLite). */
  q: opt(z.string().trim().min(1).max(200)),
});

/** Refinement shared by every schema built on the filter fields. */
export const scoreRangeIsOrdered: [(f: { minScore?: number; maxScore?: number }) => boolean, { message: string; path: string[] }] = [
  (f) => f.minScore === undefined || f.maxScore === undefined || f.minScore <= f.maxScore,
  { message: "minScore must not exceed maxScore", path: ["minScore"] },
];

export const probRangeIsOrdered: [(f: { minProb?: number; maxProb?: number }) => boolean, { message: string; path: string[] }] = [
  (f) => f.minProb === undefined || f.maxProb === undefined || f.minProb <= f.maxProb,
  { message: "minProb must not exceed maxProb", path: ["minProb"] },
];

export const humanRangeIsOrdered: [(f: { minHumanScore?: number; maxHumanScore?: number }) => boolean, { message: string; path: string[] }] = [
  (f) => f.minHumanScore === undefined || f.maxHumanScore === undefined || f.minHumanScore <= f.maxHumanScore,
  { message: "minHumanScore must not exceed maxHumanScore", path: ["minHumanScore"] },
];

export const sideNeedsAudit: [(f: { side?: string; auditId?: number }) => boolean, { message: string; path: string[] }] = [
  (f) => f.side === undefined || f.auditId !== undefined,
  { message: "side needs auditId", path: ["side"] },
];

export const ZSnippetFilters = ZSnippetFilterFields.refine(...scoreRangeIsOrdered).refine(...probRangeIsOrdered).refine(...humanRangeIsOrdered).refine(...sideNeedsAudit);
export type TSnippetFilters = z.infer<typeof ZSnippetFilterFields>;

/**
 * WHERE conditions (on alias `s`) for every filter except the text search, which the caller applies
 * inside a bounded window. With a dataset chosen, each maps onto an index: (datasetId, language),
 * (datasetId, llmScore), (datasetId, classifierProb), (datasetId, reviewCount) for "unreviewed".
 *
 * Reviewer and human score go through human_label (small next to snippet) as `s.id IN (SELECT snippetId
 * …)`, and so does "reviewed" when combined with language or score: SQLite walks that id list in order
 * and tests the other filters on the (datasetId, language|llmScore, rowid) index without reading rows.
 * The equivalent `reviewCount > 0` is a range on its index that must read and sort every reviewed row
 * then: language + score + reviewed took 75 ms that way at a million snippets, 7 ms this way. Alone,
 * `reviewCount > 0` is the better plan (deep pages seek on its index).
 */
export function snippetFilterConditions(f: TSnippetFilters, opts: { walkIds?: boolean } = {}): Sql[] {
  const where: Sql[] = [];
  // Unary + keeps SQLite from using an index for this term (see preferIdWalk in search-snippets.ts).
  if (f.dataset !== undefined) where.push(opts.walkIds ? sql`+s."datasetId" = ${f.dataset}` : sql`s."datasetId" = ${f.dataset}`);
  if (f.language !== undefined) where.push(sql`s.language = ${f.language}`);
  // No index on source: the walk tests it row by row, like the text search without the time budget.
  if (f.source !== undefined) where.push(sql`s.source = ${f.source}`);
  if (f.llmScore === "unlabeled") where.push(sql`s."llmScore" IS NULL`);
  else if (f.llmScore !== undefined) where.push(sql`s."llmScore" = ${f.llmScore}`);
  if (f.minScore !== undefined) where.push(sql`s."llmScore" >= ${f.minScore}`);
  if (f.maxScore !== undefined) where.push(sql`s."llmScore" <= ${f.maxScore}`);
  if (f.modelId !== undefined) {
    // A correlated probe of snippet_score's primary key (snippetId, modelId) per candidate row: the walk
    // stays on snippet's own index and order, at the cost of limit / share probes per page. There is no
    // (modelId, probability) index to drive from the score side.
    const p: Sql[] = [sql`sc."snippetId" = s.id`, sql`sc."modelId" = ${f.modelId}`];
    if (f.minProb !== undefined) p.push(sql`sc.probability >= ${f.minProb}`);
    if (f.maxProb !== undefined) p.push(sql`sc.probability <= ${f.maxProb}`);
    where.push(sql`EXISTS (SELECT 1 FROM snippet_score sc WHERE ${and(p)})`);
  } else {
    if (f.minProb !== undefined) where.push(sql`s."classifierProb" >= ${f.minProb}`);
    if (f.maxProb !== undefined) where.push(sql`s."classifierProb" <= ${f.maxProb}`);
  }
  if (f.auditId !== undefined) {
    // An audit holds a few hundred items: its (auditId, side, position) index yields the id list directly.
    const a: Sql[] = [sql`ai."auditId" = ${f.auditId}`];
    if (f.side !== undefined) a.push(sql`ai.side = ${f.side}`);
    where.push(sql`s.id IN (SELECT ai."snippetId" FROM audit_item ai WHERE ${and(a)})`);
  }
  if (f.minHumanScore !== undefined || f.maxHumanScore !== undefined) where.push(medianHumanScoreCondition(f));
  if (f.reviewed === "unreviewed") where.push(sql`s."reviewCount" = 0`);
  const byLabel = f.reviewer !== undefined || f.humanScore !== undefined;
  const scoreFilter = f.llmScore !== undefined || f.minScore !== undefined || f.maxScore !== undefined;
  const probFilter = f.minProb !== undefined || f.maxProb !== undefined;
  // Alone, "reviewed" is best served by its own index (a deep page seeks straight to the cursor).
  if (f.reviewed === "reviewed" && !byLabel && f.language === undefined && !scoreFilter && !probFilter) where.push(sql`s."reviewCount" > 0`);
  // A reviewer or a human score implies "reviewed"; one id list covers all three.
  else if (f.reviewed === "reviewed" || byLabel) {
    const h: Sql[] = [sql`h.status = 'labeled'`];
    if (f.dataset !== undefined) h.push(sql`h."datasetId" = ${f.dataset}`);
    if (f.reviewer !== undefined) h.push(sql`h."userId" = ${f.reviewer}`);
    if (f.humanScore !== undefined) h.push(sql`h.score = ${f.humanScore}`);
    where.push(sql`s.id IN (SELECT h."snippetId" FROM human_label h WHERE ${and(h)})`);
  }
  return where;
}

/**
 * Snippets whose median human score lies in [minHumanScore, maxHumanScore]. The median follows
 * medianScore in lib/classifier/load-training-targets.ts: the middle labeled score, or with an even
 * count the mean of the two middle ones rounded down. In SQL: number each snippet's scores in order,
 * keep the one or two middle rows (rn in ((n+1)/2, (n+2)/2) with integer division) and average them with
 * integer division, which floors for non-negative scores on both databases. Human labels number in the
 * thousands, so the window runs over human_label (narrowed by dataset through its (datasetId, status) index).
 */
function medianHumanScoreCondition(f: TSnippetFilters): Sql {
  const h: Sql[] = [sql`h.status = 'labeled'`, sql`h.score IS NOT NULL`];
  if (f.dataset !== undefined) h.push(sql`h."datasetId" = ${f.dataset}`);
  const having: Sql[] = [];
  if (f.minHumanScore !== undefined) having.push(sql`SUM(m.score) / COUNT(*) >= ${f.minHumanScore}`);
  if (f.maxHumanScore !== undefined) having.push(sql`SUM(m.score) / COUNT(*) <= ${f.maxHumanScore}`);
  return sql`s.id IN (SELECT m."snippetId" FROM (
    SELECT h."snippetId" AS "snippetId", h.score AS score,
      ROW_NUMBER() OVER (PARTITION BY h."snippetId" ORDER BY h.score) AS rn,
      COUNT(*) OVER (PARTITION BY h."snippetId") AS n
    FROM human_label h WHERE ${and(h)}
  ) m WHERE m.rn IN ((m.n + 1) / 2, (m.n + 2) / 2) GROUP BY m."snippetId" HAVING ${and(having)})`;
}

/** True when the only filter is the dataset (or none): the total is then Dataset.snippetCount. */
export function onlyDatasetFilter(f: TSnippetFilters): boolean {
  return (
    f.language === undefined && f.llmScore === undefined && f.minScore === undefined && f.maxScore === undefined &&
    f.minProb === undefined && f.maxProb === undefined && f.auditId === undefined && f.source === undefined &&
    f.minHumanScore === undefined && f.maxHumanScore === undefined &&
    (f.reviewed === undefined || f.reviewed === "any") && f.reviewer === undefined && f.humanScore === undefined && f.q === undefined
  );
}

/** Whether a filter rules out unlabeled rows, or everything but them (lets the score sort skip a segment). */
export function llmScoreNullability(f: TSnippetFilters): "null-only" | "not-null" | "both" {
  if (f.llmScore === "unlabeled") return "null-only";
  if (f.llmScore !== undefined || f.minScore !== undefined || f.maxScore !== undefined) return "not-null";
  return "both";
}

/** Whether a filter rules out snippets the classifier has not scored (lets the probability sort skip a segment). */
export function probNullability(f: TSnippetFilters): "not-null" | "both" {
  // Another model's range (modelId) says nothing about the active model's classifierProb.
  return f.modelId === undefined && (f.minProb !== undefined || f.maxProb !== undefined) ? "not-null" : "both";
}

/** LIKE pattern for a substring, with the wildcards of the needle escaped (ESCAPE '\'). */
export function likePattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
