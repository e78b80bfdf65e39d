import type { Export, Job } from "@syllabus/prisma-sqlite";
import { describeExportFilter } from "./describe-export-filter";
import type { ExportFormat, ExportStatus, ExportView, ResolvedExportSpec } from "./types";

/**
 * An Export row as the API shows it, with its job's state folded into the status: a job that gave up (or
 * was cancelled before it ran) makes the export failed (cancelled); one waiting to retry shows as queued.
 */
export function toExportView(e: Export, job: Job | null, users: Map<string, { id: string; name: string; email: string }>, datasetNames: Map<number, string>): ExportView {
  const spec = JSON.parse(e.spec) as ResolvedExportSpec;
  let status = e.status as ExportStatus;
  if (job && status !== "succeeded" && status !== "deleted" && status !== "cancelled") {
    if (job.status === "failed") status = "failed";
    else if (job.status === "cancelled") status = "cancelled";
    else if (job.status === "queued") status = "queued";
    else if (job.status === "running") status = "running";
  }
  const model = e.modelId !== null && e.modelVersion !== null ? { id: e.modelId, version: e.modelVersion, cut: e.cut } : null;
  return {
    id: e.id,
    name: e.name,
    status,
    spec,
    filterSummary: describeExportFilter(spec, model && { version: model.version, cut: model.cut ?? 0.5 }),
    datasets: spec.datasetIds.map((id) => ({ id, name: datasetNames.get(id) ?? `#${id} (deleted)` })),
    format: e.format as ExportFormat,
    seed: e.seed,
    outDir: e.outDir,
    model,
    rows: e.rows,
    tokens: Number(e.tokens),
    bytes: Number(e.bytes),
    shardCount: e.shardCount,
    createdBy: e.createdById ? (users.get(e.createdById) ?? null) : null,
    createdAt: e.createdAt.toISOString(),
    startedAt: e.startedAt?.toISOString() ?? null,
    finishedAt: e.finishedAt?.toISOString() ?? null,
    error: e.error,
    job: job ? { id: job.id, status: job.status, progressDone: job.progressDone, progressTotal: job.progressTotal, message: job.message, cancelRequested: job.cancelRequested } : null,
  };
}
