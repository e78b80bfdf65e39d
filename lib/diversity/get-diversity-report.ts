import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { toReportView } from "./to-report-view";
import type { DiversityReportView } from "./types";

/** One report with its metrics (once succeeded) and its job's progress; 404 when unknown. */
export async function getDiversityReport(id: number): Promise<DiversityReportView> {
  const r = await db().diversityReport.findUnique({ where: { id }, include: { dataset: { select: { name: true } }, campaign: { select: { name: true } } } });
  if (!r) throw notFound(`no diversity report with id ${id}`);
  const job = r.jobId === null ? null : await db().job.findUnique({ where: { id: r.jobId } });
  return toReportView(r, job);
}
