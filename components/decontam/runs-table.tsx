"use client";

import Link from "next/link";
import type { DecontamRunView } from "@/lib/decontam/types";
import { JobProgress } from "../jobs/job-progress";
import { Button } from "../ui/button";
import { useCan } from "../user-context";
import { count, dateTime } from "./format";
import { RunStatusBadge } from "./run-status-badge";
import { useCancelDecontamRun } from "./use-cancel-decontam-run";

/** Decontamination runs, newest first, with live progress, flagged counts and cancel. */
export function RunsTable({ runs }: { runs: DecontamRunView[] }) {
  const canRun = useCan("annotator");
  const cancel = useCancelDecontamRun();
  if (runs.length === 0) return <p className="text-sm text-slate-500" data-testid="decontam-runs-empty">No checks yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="decontam-runs">
        <thead className="text-left text-[11px] font-medium tracking-wide text-slate-500 uppercase">
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-1.5 pr-2">Run</th>
            <th scope="col" className="px-2 py-1.5">Scope</th>
            <th scope="col" className="px-2 py-1.5">Benchmarks</th>
            <th scope="col" className="px-2 py-1.5">Status</th>
            <th scope="col" className="px-2 py-1.5">Progress</th>
            <th scope="col" className="px-2 py-1.5 text-right">Flagged</th>
            <th scope="col" className="px-2 py-1.5">Started</th>
            <th scope="col" className="py-1.5 pl-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 align-top" data-testid={`decontam-run-${r.id}`}>
              <td className="py-1.5 pr-2 whitespace-nowrap">
                #{r.id}
                {r.jobId !== null && <Link href={`/jobs/${r.jobId}`} className="ml-1.5 text-xs text-indigo-700 hover:underline">job</Link>}
              </td>
              <td className="px-2 py-1.5 text-slate-700">
                {r.datasetId === null ? "all datasets" : (r.datasetName ?? `dataset ${r.datasetId}`)}
                <div className="text-xs text-slate-500">
                  {r.ngram}-grams{r.minShared > 1 ? `, ≥ ${r.minShared} shared` : ""}
                </div>
              </td>
              <td className="px-2 py-1.5 text-xs text-slate-600">{r.benchmarks.length ? r.benchmarks.map((b) => b.name ?? `#${b.id} (deleted)`).join(", ") : "all"}</td>
              <td className="px-2 py-1.5">
                <RunStatusBadge status={r.status} />
                {r.error && <div className="mt-1 max-w-64 truncate text-xs text-red-700" title={r.error}>{r.error}</div>}
              </td>
              <td className="px-2 py-1.5">
                <JobProgress job={{ id: r.jobId ?? r.id, status: r.status, progressDone: r.done, progressTotal: r.total, progress: r.total > 0 ? Math.min(1, r.done / r.total) : null }} />
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums" data-testid="decontam-run-flagged">{count(r.flagged)}</td>
              <td className="px-2 py-1.5 text-xs whitespace-nowrap text-slate-500">{dateTime(r.createdAt)}</td>
              <td className="py-1.5 pl-2 text-right">
                {canRun && (r.status === "queued" || r.status === "running") && (
                  <Button variant="secondary" className="px-2 py-0.5 text-xs" disabled={cancel.isPending} onClick={() => cancel.mutate(r.id)} aria-label={`Cancel run ${r.id}`} data-testid="decontam-run-cancel">
                    Cancel
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {cancel.error && <p className="mt-2 text-sm text-red-700">{cancel.error.message}</p>}
    </div>
  );
}
