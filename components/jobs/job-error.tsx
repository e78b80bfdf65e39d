"use client";

import { useJob } from "./use-job";

/** The full error of a job (message and stack), fetched when a row is expanded. */
export function JobError({ id }: { id: number }) {
  const q = useJob(id);
  if (q.isPending) return <p className="text-xs text-slate-500">Loading the error…</p>;
  if (q.isError) return <p className="text-xs text-red-700">{q.error.message}</p>;
  if (!q.data.job.error) return <p className="text-xs text-slate-500">No error recorded.</p>;
  return <pre className="max-h-72 overflow-auto rounded bg-red-50 p-2 font-mono text-xs whitespace-pre-wrap text-red-900" data-testid="job-error-full">{q.data.job.error}</pre>;
}
