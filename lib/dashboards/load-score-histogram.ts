import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import { cachedStale } from "./dashboard-cache";
import { dataVersion } from "./data-version";
import { probBinSql } from "./prob-bin-sql";

/** Snippets scored by a model, counted per (newest LLM score, probability bin): the threshold slider, the LLM curves and the histograms all come from it. */
export type ScoreHistogramCell = { llmScore: number | null; bin: number; count: number; bytes: number; probSum: number };

type Row = { llm: number | bigint | null; bin: number | bigint; n: number | bigint; bytes: number | bigint | null; psum: number | null };

/**
 * One GROUP BY over the model's scores (joined to snippet on its primary key for the LLM score, size and
 * dataset): at most 7 × 101 cells whatever the corpus size. It is the one full scan of the dashboards, so
 * it is cached until snippets, LLM labels or scores change (DataVersion.scores), stale-while-revalidate.
 */
export async function loadScoreHistogram({ modelId, datasetId }: { modelId: number; datasetId?: number }): Promise<{ value: ScoreHistogramCell[]; stale: boolean }> {
  const version = (await dataVersion()).scores;
  return cachedStale(`histogram:${modelId}:${datasetId ?? "all"}`, version, async () => {
    const bin = probBinSql(Prisma.sql`sc.probability`);
    const rows = await db().$queryRaw<Row[]>(Prisma.sql`
      SELECT s."llmScore" AS llm, ${bin} AS bin, COUNT(*) AS n, SUM(s."sizeBytes") AS bytes, SUM(sc.probability) AS psum
      FROM snippet_score sc JOIN snippet s ON s.id = sc."snippetId"
      WHERE sc."modelId" = ${modelId} ${datasetId === undefined ? Prisma.empty : Prisma.sql`AND s."datasetId" = ${datasetId}`}
      GROUP BY s."llmScore", ${bin}`);
    return rows.map((r) => ({
      llmScore: r.llm === null ? null : Number(r.llm),
      bin: Number(r.bin),
      count: Number(r.n),
      bytes: Number(r.bytes ?? 0),
      probSum: Number(r.psum ?? 0),
    }));
  });
}
