import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { getDiversityReport } from "./get-diversity-report";
import type { DiversityReportView } from "./types";

/**
 * Cancels a report through its job: a queued one at once (with its row, in one transaction); a running one
 * is asked to stop and the worker marks it cancelled at its next page. A finished report is a 400.
 */
export async function cancelDiversityReport(id: number): Promise<DiversityReportView> {
  await db().$transaction(async (tx) => {
    const r = await tx.diversityReport.findUnique({ where: { id }, select: { status: true, jobId: true } });
    if (!r) throw notFound(`no diversity report with id ${id}`);
    if (r.status === "succeeded" || r.status === "failed" || r.status === "cancelled") throw badRequest(`report ${id} is already ${r.status}`);
    const job = r.jobId === null ? null : await cancelJob(r.jobId, tx);
    if (job?.status === "running") return;
    await tx.diversityReport.update({ where: { id }, data: { status: "cancelled", finishedAt: new Date() } });
  });
  return getDiversityReport(id);
}
