"use client";

import Link from "next/link";
import { Skeleton } from "../datasets/skeleton";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { dateText, durationText, liveDurationMs, rateText } from "./format";
import { JobActions } from "./job-actions";
import { JobLog } from "./job-log";
import { JobProgress } from "./job-progress";
import { JobStatusBadge } from "./job-status-badge";
import { isActive } from "./types";
import { useJob } from "./use-job";
import { useNow } from "./use-now";

export function JobDetail({ id }: { id: number }) {
  const q = useJob(id);
  const now = useNow(q.data?.job.status === "running");
  if (q.isPending) {
    return (
      <div className="space-y-4" aria-busy="true" aria-label="Loading job">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-28" />
        <Skeleton className="h-64" />
      </div>
    );
  }
  if (!q.data) {
    return (
      <div className="space-y-3">
        <Alert tone="error">{(q.error as { status?: number } | null)?.status === 404 ? `There is no job ${id} (it may have been deleted).` : (q.error?.message ?? "Could not load the job.")}</Alert>
        <Link href="/jobs" className="text-sm text-indigo-700 hover:underline">← All jobs</Link>
      </div>
    );
  }
  const { job, logs, earlier } = q.data;
  const duration = liveDurationMs(job, q.dataUpdatedAt, now);
  const timings: [string, React.ReactNode][] = [
    ["Created", dateText(job.createdAt)],
    [job.status === "queued" && job.attempt > 0 ? "Next attempt at" : "Run at", dateText(job.runAt)],
    ["Started", dateText(job.startedAt)],
    ["Finished", dateText(job.finishedAt)],
    [job.status === "running" ? "Running for" : "Duration", <span key="d" data-testid="job-detail-duration">{durationText(duration)}</span>],
    ["Throughput", `${rateText(job.throughput)}${job.throughput === null ? "" : " items"}`],
    ["Attempts", `${job.attempt} of ${job.maxAttempts}`],
    ["Worker", job.workerId ?? "—"],
  ];

  return (
    <div className="space-y-4" data-testid="job-detail">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <Link href="/jobs" className="text-xs text-slate-500 hover:text-slate-800">← Jobs</Link>
          <div className="mt-0.5 flex items-center gap-2">
            <h1 className="truncate font-mono text-xl font-semibold tracking-tight text-slate-900">{job.name}</h1>
            <JobStatusBadge job={job} />
          </div>
          <p className="text-sm text-slate-500">
            Job {job.id}
            {job.link && (
              <>
                {" · "}
                <Link href={job.link.href} className="text-indigo-700 hover:underline" data-testid="job-link">{job.link.label}</Link>
              </>
            )}
          </p>
        </div>
        <JobActions job={job} />
      </div>
      {q.isError && <Alert tone="warning">Live updates paused: {q.error.message}. Retrying…</Alert>}

      <Card title="Progress">
        <div className="space-y-3">
          <JobProgress job={job} size="lg" />
          {job.message && <p className="text-sm text-slate-700" data-testid="job-message">{job.message}</p>}
          {job.cancelRequested && job.status === "running" && <Alert tone="warning">Cancel requested: the worker stops the job at its next heartbeat.</Alert>}
          <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
            {timings.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd className="break-words text-slate-900 tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      </Card>

      {job.error && (
        <Card title={job.status === "failed" ? "Error" : "Last error"}>
          <pre className="max-h-80 overflow-auto font-mono text-xs whitespace-pre-wrap text-red-800" data-testid="job-error-full">{job.error}</pre>
        </Card>
      )}

      <Card title="Log" actions={isActive(job.status) ? <span className="text-xs text-slate-500">updates live</span> : undefined}>
        <JobLog jobId={job.id} logs={logs} earlier={earlier} live={isActive(job.status)} />
      </Card>

      <Card title="Payload">
        <pre className="overflow-auto font-mono text-xs text-slate-800" data-testid="job-payload">{JSON.stringify(job.payload, null, 2)}</pre>
      </Card>
    </div>
  );
}
