import { StatusBadge } from "../ui/status-badge";
import type { JobListItem } from "./types";

export function JobStatusBadge({ job }: { job: Pick<JobListItem, "status" | "cancelRequested" | "attempt"> }) {
  const retrying = job.status === "queued" && job.attempt > 0;
  const label = job.status === "running" && job.cancelRequested ? "cancelling" : retrying ? "queued (retry)" : job.status;
  return <StatusBadge status={job.status} label={label} testId="job-status" />;
}
