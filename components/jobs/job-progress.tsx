import type { JobListItem } from "./types";

/**
 * done/total as a bar (role="progressbar" with aria-valuenow = percent). Without a total, a running job shows
 * an indeterminate bar and a finished one just its count.
 */
export function JobProgress({ job, size = "sm" }: { job: Pick<JobListItem, "id" | "status" | "progressDone" | "progressTotal" | "progress">; size?: "sm" | "lg" }) {
  const pct = job.progress === null ? null : Math.round(job.progress * 1000) / 10;
  const done = job.status === "succeeded" && pct === null ? 100 : pct;
  const bar = job.status === "failed" ? "bg-red-400" : job.status === "cancelled" ? "bg-amber-400" : job.status === "succeeded" ? "bg-emerald-500" : "bg-sky-500";
  return (
    <div className={size === "lg" ? "w-full" : "w-36"}>
      <div
        role="progressbar"
        aria-label={`Progress of job ${job.id}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={done ?? undefined}
        aria-valuetext={job.progressTotal > 0 ? `${job.progressDone.toLocaleString()} of ${job.progressTotal.toLocaleString()}` : undefined}
        data-testid="job-progress"
        className={`overflow-hidden rounded-full bg-slate-200 ${size === "lg" ? "h-2.5" : "h-1.5"}`}
      >
        {done === null ? (
          job.status === "running" && <div className="h-full w-1/3 animate-pulse rounded-full bg-sky-400" />
        ) : (
          <div className={`h-full rounded-full transition-[width] duration-500 ${bar}`} style={{ width: `${done}%` }} />
        )}
      </div>
      <div className="mt-0.5 text-xs text-slate-500 tabular-nums">
        {job.progressTotal > 0 ? `${job.progressDone.toLocaleString()} / ${job.progressTotal.toLocaleString()} · ${pct}%` : job.progressDone > 0 ? job.progressDone.toLocaleString() : ""}
      </div>
    </div>
  );
}
