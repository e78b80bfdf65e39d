import type { ModelView } from "@/lib/classifier/types";
import { JobProgress } from "../jobs/job-progress";
import type { JobStatus } from "../jobs/types";

/** A training model's job progress (the job's own bar) with its current step. */
export function TrainingProgress({ job, size = "sm" }: { job: NonNullable<ModelView["job"]>; size?: "sm" | "lg" }) {
  const progress = job.progressTotal > 0 ? Math.min(1, job.progressDone / job.progressTotal) : null;
  return (
    <div className="space-y-0.5">
      <JobProgress job={{ id: job.id, status: job.status as JobStatus, progressDone: job.progressDone, progressTotal: job.progressTotal, progress }} size={size} />
      {job.message && <div className="truncate text-xs text-slate-500" title={job.message}>{job.message}</div>}
      {job.attempt > 1 && <div className="text-xs text-amber-700">attempt {job.attempt}</div>}
    </div>
  );
}
