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

export const ZSnippetFilters = ZSnippetFilterFields.refine(...scoreRangeIsOrdered).refine(...probRangeIsOrdered);
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
  if (f.llmScore === "unlabeled") where.push(sql`s."llmScore" IS NULL`);
  else if (f.llmScore !== undefined) where.push(sql`s."llmScore" = ${f.llmScore}`);
  if (f.minScore !== undefined) where.push(sql`s."llmScore" >= ${f.minScore}`);
  if (f.maxScore !== undefined) where.push(sql`s."llmScore" <= ${f.maxScore}`);
  if (f.minProb !== undefined) where.push(sql`s."classifierProb" >= ${f.minProb}`);
  if (f.maxProb !== undefined) where.push(sql`s."classifierProb" <= ${f.maxProb}`);
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

/** True when the only filter is the dataset (or none): the total is then Dataset.snippetCount. */
export function onlyDatasetFilter(f: TSnippetFilters): boolean {
  return (
    f.language === undefined && f.llmScore === undefined && f.minScore === undefined && f.maxScore === undefined &&
    f.minProb === undefined && f.maxProb === undefined &&
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
  return f.minProb !== undefined || f.maxProb !== undefined ? "not-null" : "both";
}

/** LIKE pattern for a substring, with the wildcards of the needle escaped (ESCAPE '\'). */
export function likePattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
