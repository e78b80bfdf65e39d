import { z } from "zod";
import { db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/db/url";
import { num, sql } from "@/lib/snippets/sql";
import { cached } from "./stats-cache";
import type { DatasetStats, LanguageCount, ScoreCount } from "./types";

export const ZDatasetStats = z.object({
  datasetId: z.number().int().positive(),
  /** Dataset.snippetCount, kept by the importer: the denominator, never re-counted here. */
  snippetCount: z.number().int().min(0),
});
export type TDatasetStats = z.input<typeof ZDatasetStats>;

export type DatasetStatsFull = DatasetStats & { allLanguages: LanguageCount[] };

const TOP_LANGUAGES = 8;

/**
 * Statistics of one dataset. The distributions are GROUP BYs over the covering indexes
 * (datasetId, language) and (datasetId, llmScore); human figures come from the much smaller human_label
 * table and the (datasetId, reviewCount) index. At a million snippets the two GROUP BYs cost tens of
 * milliseconds each, so results are cached per process (see stats-cache.ts) behind a fingerprint that
 * changes with any import, LLM label or human label.
 */
export async function datasetStats(input: TDatasetStats): Promise<DatasetStatsFull> {
  const { datasetId, snippetCount } = ZDatasetStats.parse(input);
  return cached(statsKey(datasetId), await fingerprint(datasetId, snippetCount), () => computeStats(datasetId, snippetCount));
}

/** Cache key; the database URL keeps two databases in one process (tests) apart. */
export function statsKey(datasetId: number): string {
  return `${databaseUrl()}|dataset:${datasetId}`;
}

/**
 * Changes when snippets are imported, an LLM label is added anywhere or a human label is added in this
 * dataset. Plain SQL on purpose: MAX(id) is one index probe, while Prisma's aggregate wraps it in a
 * sub-select that scans the table (~100 ms over a million LLM labels). An edit in place (a re-label) is
 * not seen; the cache TTL bounds that staleness.
 */
async function fingerprint(datasetId: number, snippetCount: number): Promise<string> {
  const [llm, human] = await Promise.all([
    db().$queryRaw<{ m: unknown }[]>(sql`SELECT MAX(id) AS m FROM llm_label`),
    db().$queryRaw<{ n: unknown; m: unknown }[]>(sql`SELECT COUNT(*) AS n, MAX(id) AS m FROM human_label WHERE "datasetId" = ${datasetId}`),
  ]);
  return [snippetCount, num(llm[0]?.m), num(human[0]?.n), num(human[0]?.m)].join(":");
}

async function computeStats(datasetId: number, snippetCount: number): Promise<DatasetStatsFull> {
  const [languages, scores, reviewed, human] = await Promise.all([
    db().snippet.groupBy({ by: ["language"], where: { datasetId }, _count: { _all: true } }),
    db().snippet.groupBy({ by: ["llmScore"], where: { datasetId }, _count: { _all: true } }),
    db().snippet.count({ where: { datasetId, reviewCount: { gt: 0 } } }),
    db().humanLabel.groupBy({ by: ["score"], where: { datasetId, status: "labeled" }, _count: { _all: true } }),
  ]);
  const allLanguages = languages
    .map((l) => ({ language: l.language, count: l._count._all }))
    .sort((a, b) => b.count - a.count || a.language.localeCompare(b.language));
  const llmScores: ScoreCount[] = [0, 1, 2, 3, 4, 5, null].map((score) => ({ score, count: scores.find((s) => s.llmScore === score)?._count._all ?? 0 }));
  const humanScores: ScoreCount[] = [0, 1, 2, 3, 4, 5].map((score) => ({ score, count: human.find((h) => h.score === score)?._count._all ?? 0 }));
  const unlabeled = llmScores[6].count;
  const total = llmScores.reduce((n, s) => n + s.count, 0);
  return {
    llmLabeled: total - unlabeled,
    reviewed,
    reviewedPct: snippetCount > 0 ? Math.round((1000 * reviewed) / snippetCount) / 10 : 0,
    humanLabels: human.reduce((n, h) => n + h._count._all, 0),
    languages: topLanguages(allLanguages, TOP_LANGUAGES),
    llmScores,
    humanScores,
    computedAt: new Date().toISOString(),
    allLanguages,
  };
}

/** The `top` largest languages, then one "other" row summing the rest (only when there is a rest). */
export function topLanguages(all: LanguageCount[], top: number): LanguageCount[] {
  if (all.length <= top) return all;
  const other = all.slice(top).reduce((n, l) => n + l.count, 0);
  return [...all.slice(0, top), { language: "other", count: other }];
}
