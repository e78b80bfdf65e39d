import { errorSummary } from "./format-job-error";
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
  /** The kept error: message and top of the stack. */
  error: string | null;
  /** Its first line, for one-line listings. */
  errorSummary: string | null;
  cancelRequested: boolean;
  workerId: string | null;
  runAt: string;
  leaseUntil: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /**
   * Time the latest attempt has run: up to finishedAt, or up to now while running (the UI keeps counting
   * from here). Null before the first claim, and for a job waiting in the queue again.
   */
  durationMs: number | null;
  /** progressDone per second of durationMs; null until there is progress to divide. */
  throughput: number | null;
  /** The page of the domain object the payload names (an import, a campaign), if any. */
  link: { href: string; label: string } | null;
};

/** A job in a list: the full error stays on the detail view, so a polled list stays small. */
export type JobListItem = Omit<JobView, "error">;

export function toJobView(job: Job, now: Date = new Date()): JobView {
  let payload: unknown;
  try {
    payload = JSON.parse(job.payload);
  } catch {
    payload = job.payload;
  }
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const durationMs = jobDuration(job, now);
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
    errorSummary: job.error ? errorSummary(job.error) : null,
    cancelRequested: job.cancelRequested,
    workerId: job.workerId,
    runAt: job.runAt.toISOString(),
    leaseUntil: iso(job.leaseUntil),
    createdAt: job.createdAt.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    durationMs,
    throughput: durationMs && durationMs >= 100 && job.progressDone > 0 ? job.progressDone / (durationMs / 1000) : null,
    link: jobLink(payload),
  };
}

export function toJobListItem(job: Job, now: Date = new Date()): JobListItem {
  const { error: _error, ...item } = toJobView(job, now);
  return item;
}

function jobDuration(job: Job, now: Date): number | null {
  if (!job.startedAt) return null;
  if (job.status === "running") return Math.max(0, now.getTime() - job.startedAt.getTime());
  // A job back in the queue (retry, release) keeps startedAt of its last attempt but is not running.
  if (!job.finishedAt) return null;
  return Math.max(0, job.finishedAt.getTime() - job.startedAt.getTime());
}

/** Payload keys that name a domain object with a page of its own. */
export function jobLink(payload: unknown): JobView["link"] {
  if (!payload || typeof payload !== "object") return null;
  const p = payload as Record<string, unknown>;
  if (isId(p.campaignId)) return { href: `/campaigns/${p.campaignId}`, label: `Campaign ${p.campaignId}` };
  if (isId(p.importRunId)) return { href: "/imports", label: `Import ${p.importRunId}` };
  return null;
}

const isId = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v > 0;
