import type { Job, JobStatus } from "./types";

/** A job as the UI, API and CLI show it: payload decoded, progress as a fraction, dates as ISO strings. */
export type JobView = {
  id: number;
  name: string;
  status: JobStatus;
  payload: unknown;
  attempt: number;
  maxAttempts: number;
  progressDone: number;
  progressTotal: number;
  /** done/total in [0, 1], or null when the job reported no total. */
  progress: number | null;
  message: string;
  error: string | null;
  cancelRequested: boolean;
  workerId: string | null;
  runAt: string;
  leaseUntil: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export function toJobView(job: Job): JobView {
  let payload: unknown;
  try {
    payload = JSON.parse(job.payload);
  } catch {
    payload = job.payload;
  }
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: job.id,
    name: job.name,
    status: job.status as JobStatus,
    payload,
    attempt: job.attempt,
    maxAttempts: job.maxAttempts,
    progressDone: job.progressDone,
    progressTotal: job.progressTotal,
    progress: job.progressTotal > 0 ? Math.min(1, job.progressDone / job.progressTotal) : null,
    message: job.message,
    error: job.error,
    cancelRequested: job.cancelRequested,
    workerId: job.workerId,
    runAt: job.runAt.toISOString(),
    leaseUntil: iso(job.leaseUntil),
    createdAt: job.createdAt.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
  };
}
