import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import { cachedStale } from "./dashboard-cache";
import { dataVersion } from "./data-version";

export type KeptGroups = { byDatasetLanguage: { datasetId: number; language: string; kept: number }[]; bySource: { source: string; kept: number }[] };

type Row = { k1: number | bigint | string | null; k2: string | null; n: number | bigint };

/**
 * Sizes of a model's kept set (probability ≥ cut) per dataset × language and per source repository (top 20):
 * the "kept" column of the breakdowns. Two GROUP BY scans of the model's scores, cached like the histogram
 * (stale-while-revalidate).
 */
export async function loadKeptGroups({ modelId, cut, datasetId }: { modelId: number; cut: number; datasetId?: number }): Promise<{ value: KeptGroups; stale: boolean }> {
  const version = (await dataVersion()).scores;
  return cachedStale(`kept-groups:${modelId}:${cut}:${datasetId ?? "all"}`, version, async () => {
    const from = Prisma.sql`FROM snippet_score sc JOIN snippet s ON s.id = sc."snippetId"
      WHERE sc."modelId" = ${modelId} AND sc.probability >= ${cut} ${datasetId === undefined ? Prisma.empty : Prisma.sql`AND s."datasetId" = ${datasetId}`}`;
    const dl = await db().$queryRaw<Row[]>(Prisma.sql`SELECT s."datasetId" AS k1, s.language AS k2, COUNT(*) AS n ${from} GROUP BY s."datasetId", s.language`);
    const src = await db().$queryRaw<Row[]>(Prisma.sql`
      SELECT COALESCE(s.source, '') AS k1, NULL AS k2, COUNT(*) AS n ${from} GROUP BY COALESCE(s.source, '') ORDER BY COUNT(*) DESC, COALESCE(s.source, '') LIMIT 20`);
    return {
      byDatasetLanguage: dl.map((r) => ({ datasetId: Number(r.k1), language: r.k2 ?? "unknown", kept: Number(r.n) })),
      bySource: src.map((r) => ({ source: String(r.k1 ?? ""), kept: Number(r.n) })),
    };
  });
}
