import type { JobListItem, JobStatus } from "./types";

const STYLE: Record<JobStatus, string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-sky-100 text-sky-800",
  succeeded: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  cancelled: "bg-amber-100 text-amber-900",
};

export function JobStatusBadge({ job }: { job: Pick<JobListItem, "status" | "cancelRequested" | "attempt"> }) {
  const retrying = job.status === "queued" && job.attempt > 0;
  const label = job.status === "running" && job.cancelRequested ? "cancelling" : retrying ? "queued (retry)" : job.status;
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STYLE[job.status]}`} data-testid="job-status" data-status={job.status}>
      {label}
    </span>
  );
}
