import type { ExecRun, Job } from "@syllabus/prisma-sqlite";
import type { ExecRunStatus, ExecRunView, ExecScope } from "./types";

/**
 * The run's status with its job's outcome folded in (as for labeling campaigns): a job that gave up or was
 * cancelled before it ran makes the run failed or cancelled; one waiting to retry shows as queued.
 */
export function toExecRunView(run: ExecRun & { datasetName: string }, job: Job | null): ExecRunView {
  const own = run.status as ExecRunStatus;
  let status = own;
  if (job && own !== "succeeded" && own !== "cancelled") {
    if (job.status === "failed" || job.status === "cancelled") status = job.status;
    else if (job.status === "queued") status = "queued";
    else if (job.status === "running") status = "running";
  }
  return {
    id: run.id,
    datasetId: run.datasetId,
    datasetName: run.datasetName,
    snippetId: run.snippetId,
    scope: run.scope as ExecScope,
    status,
    total: run.total,
    done: run.done,
    passed: run.passed,
    failed: run.failed,
    error: run.error ?? (status === "failed" ? (job?.error ?? null) : null),
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    job: job ? { id: job.id, status: job.status, attempt: job.attempt, maxAttempts: job.maxAttempts, error: job.error, cancelRequested: job.cancelRequested } : null,
  };
}
