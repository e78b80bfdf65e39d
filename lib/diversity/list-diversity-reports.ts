import { z } from "zod";
import { db } from "@/lib/db/client";
import { toListItem, toReportView } from "./to-report-view";
import type { DiversityReportListItem } from "./types";

export const ZListDiversityReports = z.object({
  datasetId: z.coerce.number().int().positive().optional(),
  /** A campaign id, or "none" for the reports over a whole dataset. */
  campaignId: z.union([z.literal("none"), z.coerce.number().int().positive()]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TListDiversityReports = z.input<typeof ZListDiversityReports>;

/**
 * Reports newest first, with their headline figures (the trend chart plots them oldest first) and their
 * job's progress. The metrics JSON is parsed here; grids and clusters stay out of the list.
 */
export async function listDiversityReports(input: TListDiversityReports = {}): Promise<DiversityReportListItem[]> {
  const v = ZListDiversityReports.parse(input);
  const rows = await db().diversityReport.findMany({
    where: {
      ...(v.datasetId !== undefined && { datasetId: v.datasetId }),
      ...(v.campaignId === "none" ? { campaignId: null } : v.campaignId !== undefined ? { campaignId: v.campaignId } : {}),
    },
    orderBy: { id: "desc" },
    take: v.limit,
    include: { dataset: { select: { name: true } }, campaign: { select: { name: true } } },
  });
  const jobIds = rows.map((r) => r.jobId).filter((id): id is number => id !== null);
  const jobs = jobIds.length ? await db().job.findMany({ where: { id: { in: jobIds } } }) : [];
  const byId = new Map(jobs.map((j) => [j.id, j]));
  return rows.map((r) => toListItem(toReportView(r, r.jobId === null ? null : (byId.get(r.jobId) ?? null))));
}
