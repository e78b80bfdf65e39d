"use client";

import Link from "next/link";
import { Fragment, useState } from "react";
import { durationText, liveDurationMs, rateText } from "./format";
import { JobActions } from "./job-actions";
import { JobError } from "./job-error";
import { JobProgress } from "./job-progress";
import { JobStatusBadge } from "./job-status-badge";
import type { JobListItem } from "./types";
import { useNow } from "./use-now";

export function JobsTable({ jobs, fetchedAt }: { jobs: JobListItem[]; fetchedAt: number }) {
  const [open, setOpen] = useState<number | null>(null);
  const now = useNow(jobs.some((j) => j.status === "running"));
  return (
    <table className="w-full text-sm [&_td]:px-2 [&_th]:px-2" data-testid="jobs-table">
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th className="py-1">#</th>
          <th>Job</th>
          <th>Status</th>
          <th>Progress</th>
          <th className="text-right">Duration</th>
          <th className="text-right">Throughput</th>
          <th className="text-right">Attempts</th>
          <th>Message / error</th>
          <th className="sr-only">Actions</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((j) => (
          <Fragment key={j.id}>
            <tr className="border-t border-slate-100 align-top" data-testid={`job-row-${j.id}`}>
              <td className="py-2 text-slate-500">
                <Link href={`/jobs/${j.id}`} className="text-indigo-700 hover:underline" aria-label={`Job ${j.id} details`}>
                  {j.id}
                </Link>
              </td>
              <td className="max-w-56">
                <Link href={`/jobs/${j.id}`} className="font-mono text-xs text-slate-900 hover:underline">{j.name}</Link>
                {j.link && (
                  <div>
                    <Link href={j.link.href} className="text-xs text-indigo-700 hover:underline" data-testid="job-link">{j.link.label}</Link>
                  </div>
                )}
                <div className="text-xs text-slate-400" title={j.createdAt}>{new Date(j.createdAt).toLocaleString()}</div>
              </td>
              <td><JobStatusBadge job={j} /></td>
              <td><JobProgress job={j} /></td>
              <td className="text-right tabular-nums" data-testid="job-duration">{durationText(liveDurationMs(j, fetchedAt, now))}</td>
              <td className="text-right tabular-nums" data-testid="job-throughput">{j.throughput === null ? "—" : `${rateText(j.throughput)}`}</td>
              <td className="text-right tabular-nums" title="attempts used / allowed">{j.attempt}/{j.maxAttempts}</td>
              <td className="max-w-72 text-xs">
                {j.errorSummary && j.status !== "succeeded" ? (
                  <button
                    type="button"
                    className="text-left break-words text-red-700 underline decoration-dotted"
                    aria-expanded={open === j.id}
                    onClick={() => setOpen(open === j.id ? null : j.id)}
                    data-testid="job-error-toggle"
                  >
                    {j.errorSummary}
                  </button>
                ) : (
                  <span className="break-words text-slate-600">{j.message}</span>
                )}
              </td>
              <td><JobActions job={j} /></td>
            </tr>
            {open === j.id && (
              <tr>
                <td colSpan={9} className="pb-3"><JobError id={j.id} /></td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
