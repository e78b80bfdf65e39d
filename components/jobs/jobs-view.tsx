"use client";

import { useState } from "react";
import { Skeleton } from "../datasets/skeleton";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { JobsEmpty } from "./jobs-empty";
import { JobsTable } from "./jobs-table";
import { JOB_STATUS_LIST, type JobListItem, type JobStatus } from "./types";
import { useJobs } from "./use-jobs";

const PAGE = 50;
const MAX = 500;
/** A queued job this much past its run time while nothing runs suggests no worker is up. */
const STALE_QUEUE_MS = 30_000;

export function JobsView() {
  const [status, setStatus] = useState<JobStatus | undefined>(undefined);
  const [limit, setLimit] = useState(PAGE);
  const q = useJobs({ status, limit });

  if (q.isError && !q.data) return <Alert tone="error">Could not load jobs: {q.error.message}</Alert>;
  if (!q.data) {
    return (
      <div className="space-y-3" aria-busy="true" aria-label="Loading jobs">
        <Skeleton className="h-8 w-96" />
        <Skeleton className="h-64" />
      </div>
    );
  }
  const { jobs, counts, nextBefore } = q.data;
  const total = JOB_STATUS_LIST.reduce((n, s) => n + counts[s], 0);
  if (total === 0) return <JobsEmpty />;
  const choose = (s: JobStatus | undefined) => {
    setStatus(s);
    setLimit(PAGE);
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Filter by status" data-testid="job-filter">
        <FilterButton active={status === undefined} onClick={() => choose(undefined)} label="All" count={total} />
        {JOB_STATUS_LIST.map((s) => (
          <FilterButton key={s} active={status === s} onClick={() => choose(s)} label={s} count={counts[s]} testId={`job-filter-${s}`} />
        ))}
        {q.isError && <span className="text-xs text-red-700" role="alert">Refresh failed: {q.error.message}</span>}
      </div>
      {noWorkerHint(jobs, counts.running, q.dataUpdatedAt) && (
        <Alert tone="warning">
          Jobs have been waiting for a while and none is running: is a worker up? Start one with{" "}
          <code className="font-mono text-xs">npx syllabus worker</code>.
        </Alert>
      )}
      <Card>
        {jobs.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="jobs-none-match">No {status} jobs.</p>
        ) : (
          <JobsTable jobs={jobs} fetchedAt={q.dataUpdatedAt} />
        )}
        {nextBefore !== null && (
          <div className="mt-3 flex items-center gap-3">
            {limit < MAX ? (
              <Button variant="secondary" onClick={() => setLimit(Math.min(MAX, limit + PAGE))} disabled={q.isFetching} data-testid="jobs-more">
                Show {PAGE} more
              </Button>
            ) : (
              <span className="text-xs text-slate-500">Showing the newest {MAX}; filter by status, or use <code className="font-mono">npx syllabus jobs --json</code>.</span>
            )}
          </div>
        )}
      </Card>
    </div>
  );
}

function FilterButton({ active, onClick, label, count, testId }: { active: boolean; onClick: () => void; label: string; count: number; testId?: string }) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      data-testid={testId}
      className={`rounded-full px-3 py-1 text-xs font-medium capitalize ring-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${active ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
    >
      {label} <span className={`tabular-nums ${active ? "text-slate-300" : "text-slate-500"}`}>{count.toLocaleString()}</span>
    </button>
  );
}

function noWorkerHint(jobs: JobListItem[], running: number, fetchedAt: number): boolean {
  if (running > 0) return false;
  const cutoff = fetchedAt - STALE_QUEUE_MS;
  return jobs.some((j) => j.status === "queued" && Date.parse(j.runAt) < cutoff);
}
