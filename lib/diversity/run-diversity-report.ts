import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { JobCancelledError, LeaseLostError } from "@/lib/jobs/abort-reasons";
import { computeDiversity, DiversityInputError } from "./compute-diversity";
import { diversityParamsOf, ZCreateDiversityReport } from "./create-diversity-report";
import { markNearDuplicates } from "./mark-near-duplicates";
import type { DiversityParams } from "./types";

export type RunDiversityReportResult = { status: "succeeded" | "failed" | "cancelled" | "interrupted" | "gone"; reportId: number };

/**
 * The `diversity.report` job: computes every figure of the report's scope (computeDiversity), marks the
 * scope's near-duplicates on Snippet.nearDupOf (markNearDuplicates, one transaction), then stores metrics
 * and the largest clusters and marks the report succeeded.
 *
 * Idempotent: everything is seeded and recomputed from the data, so a rerun writes the same marks and
 * figures; a succeeded report is left alone. On abort the report follows the job (cancelled on cancel,
 * back to queued on a worker shutdown, untouched when the lease was lost). An error is recorded and
 * rethrown so the job retries; a bad request (e.g. embeddings asked for but missing) fails at once.
 */
export async function runDiversityReport(reportId: number, ctx: TaskContext): Promise<RunDiversityReportResult> {
  const report = await db().diversityReport.findUnique({ where: { id: reportId } });
  if (!report) return { status: "gone", reportId };
  if (report.status === "succeeded" || report.status === "cancelled") return { status: report.status, reportId };
  const params = resolveParams(report.datasetId, report.params);
  await db().diversityReport.update({ where: { id: reportId }, data: { status: "running", error: null, finishedAt: null, params: JSON.stringify(params) } });
  const scope = { datasetId: report.datasetId, campaignId: report.campaignId };
  try {
    const { metrics, clusters, members } = await computeDiversity({ scope, params }, ctx);
    ctx.signal.throwIfAborted();
    await ctx.reportProgress(metrics.items, metrics.items, `marking ${members.size.toLocaleString("en-US")} near-duplicates`);
    const marks = await markNearDuplicates(scope, members);
    ctx.log(`near-duplicates marked: ${marks.marked} (${marks.previouslyMarked} were marked before this report)`);
    await db().diversityReport.update({
      where: { id: reportId },
      data: { status: "succeeded", metrics: JSON.stringify(metrics), clusters: JSON.stringify(clusters), items: metrics.items, error: null, finishedAt: new Date() },
    });
    await ctx.reportProgress(metrics.items, metrics.items, `near-duplicate rate ${((metrics.nearDup.rate ?? 0) * 100).toFixed(2)} %, Vendi ${metrics.vectors.vendi?.toFixed(1) ?? "n/a"}`);
    return { status: "succeeded", reportId };
  } catch (e) {
    if (ctx.signal.aborted) return { status: await settleAbort(reportId, ctx.signal.reason), reportId };
    const message = e instanceof Error ? e.message : String(e);
    const job = report.jobId === null ? null : await db().job.findUnique({ where: { id: report.jobId }, select: { maxAttempts: true } });
    const last = e instanceof DiversityInputError || !job || ctx.attempt >= job.maxAttempts;
    await db().diversityReport.update({ where: { id: reportId }, data: { error: message, ...(last && { status: "failed", finishedAt: new Date() }) } });
    if (e instanceof DiversityInputError) {
      ctx.log(message, "error");
      return { status: "failed", reportId };
    }
    throw e;
  }
}

/** The stored parameters over the defaults: a row written without them (or with some) still runs as documented. */
function resolveParams(datasetId: number, json: string): DiversityParams {
  const defaults = diversityParamsOf(ZCreateDiversityReport.parse({ datasetId }));
  let stored: Partial<DiversityParams> = {};
  try {
    stored = JSON.parse(json) as Partial<DiversityParams>;
  } catch {
    // unreadable: the defaults
  }
  return { ...defaults, ...stored, minhash: stored.minhash?.bands && stored.minhash.rows ? { ...defaults.minhash, ...stored.minhash } : defaults.minhash };
}

async function settleAbort(reportId: number, reason: unknown): Promise<RunDiversityReportResult["status"]> {
  if (reason instanceof LeaseLostError) return "interrupted";
  if (reason instanceof JobCancelledError) {
    await db().diversityReport.update({ where: { id: reportId }, data: { status: "cancelled", finishedAt: new Date() } });
    return "cancelled";
  }
  await db().diversityReport.updateMany({ where: { id: reportId, status: "running" }, data: { status: "queued" } });
  return "interrupted";
}
