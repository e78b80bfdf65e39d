import { Prisma } from "@syllabus/prisma-sqlite";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { ModelComparison } from "./types";

export const ZCompareModels = z.object({
  fromId: z.coerce.number().int().positive(),
  toId: z.coerce.number().int().positive(),
  datasetId: z.coerce.number().int().positive().optional(),
});
export type TCompareModels = z.input<typeof ZCompareModels>;

/** A model's cut, 0.5 when it has none (not trained yet, or from before cuts were stored). */
export async function cutsOf(fromId: number, toId: number): Promise<{ cutFrom: number; cutTo: number }> {
  const models = await db().classifierModel.findMany({ where: { id: { in: [fromId, toId] } }, select: { id: true, cut: true } });
  const from = models.find((m) => m.id === fromId);
  const to = models.find((m) => m.id === toId);
  if (!from) throw notFound(`no model with id ${fromId}`);
  if (!to) throw notFound(`no model with id ${toId}`);
  return { cutFrom: from.cut ?? 0.5, cutTo: to.cut ?? 0.5 };
}

/**
 * How two model versions disagree over the snippets both scored: "high" is a probability at or above
 * that model's own cut. One pass over the two models' scores (joined on the primary key).
 */
export async function compareModels(input: TCompareModels): Promise<ModelComparison> {
  const { fromId, toId, datasetId } = ZCompareModels.parse(input);
  const { cutFrom, cutTo } = await cutsOf(fromId, toId);
  const scope = datasetId === undefined ? Prisma.empty : Prisma.sql`JOIN snippet s ON s.id = a."snippetId" AND s."datasetId" = ${datasetId}`;
  const [row] = await db().$queryRaw<Record<string, number | bigint | null>[]>(Prisma.sql`
    SELECT COUNT(*) AS total,
      SUM(CASE WHEN a.probability >= ${cutFrom} AND b.probability >= ${cutTo} THEN 1 ELSE 0 END) AS "bothHigh",
      SUM(CASE WHEN a.probability < ${cutFrom} AND b.probability < ${cutTo} THEN 1 ELSE 0 END) AS "bothLow",
      SUM(CASE WHEN a.probability < ${cutFrom} AND b.probability >= ${cutTo} THEN 1 ELSE 0 END) AS "lowToHigh",
      SUM(CASE WHEN a.probability >= ${cutFrom} AND b.probability < ${cutTo} THEN 1 ELSE 0 END) AS "highToLow"
    FROM snippet_score a
    JOIN snippet_score b ON b."snippetId" = a."snippetId" AND b."modelId" = ${toId}
    ${scope}
    WHERE a."modelId" = ${fromId}`);
  const n = (k: string) => Number(row?.[k] ?? 0);
  return { total: n("total"), bothHigh: n("bothHigh"), bothLow: n("bothLow"), lowToHigh: n("lowToHigh"), highToLow: n("highToLow"), cutFrom, cutTo };
}
