import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { parseClusters } from "./to-report-view";
import type { StoredCluster } from "./types";

export const ZListClusters = z.object({
  reportId: z.coerce.number().int().positive(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TListClusters = z.input<typeof ZListClusters>;

export type ClusterSummary = { index: number; size: number; representative: number; snippetIds: number[]; similarity: StoredCluster["similarity"] };

/** A page of a report's stored clusters, largest first (index = position, for getCluster). */
export async function listClusters(input: TListClusters): Promise<{ total: number; stored: number; clusters: ClusterSummary[] }> {
  const { reportId, offset, limit } = ZListClusters.parse(input);
  const report = await db().diversityReport.findUnique({ where: { id: reportId }, select: { clusters: true, metrics: true } });
  if (!report) throw notFound(`no diversity report with id ${reportId}`);
  const all = parseClusters(report.clusters);
  let total = all.length;
  try {
    total = (JSON.parse(report.metrics) as { nearDup?: { clusters?: number } }).nearDup?.clusters ?? all.length;
  } catch {
    // metrics not written yet
  }
  return {
    total,
    stored: all.length,
    clusters: all.slice(offset, offset + limit).map((c, k) => ({ index: offset + k, size: c.size, representative: c.snippetIds[0], snippetIds: c.snippetIds.slice(0, 8), similarity: c.similarity })),
  };
}
