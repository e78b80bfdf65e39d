import Link from "next/link";
import type { ScoreRunView } from "@/lib/classifier/types";
import { JobProgress } from "../jobs/job-progress";
import { count, dateTime } from "./format";
import { ModelStatusBadge } from "./model-status-badge";

/** Re-scoring runs of one model, newest first, with live progress (snippets scored of the run's total). */
export function ScoreRunsTable({ runs }: { runs: ScoreRunView[] }) {
  if (runs.length === 0) return <p className="text-sm text-slate-500" data-testid="score-runs-empty">This model has not scored any snippets yet.</p>;
  return (
    <table className="w-full text-sm" data-testid="score-runs">
      <thead className="text-left text-[11px] font-medium tracking-wide text-slate-500 uppercase">
        <tr className="border-b border-slate-200">
          <th scope="col" className="py-1.5 pr-2">Run</th>
          <th scope="col" className="px-2 py-1.5">Scope</th>
          <th scope="col" className="px-2 py-1.5">Status</th>
          <th scope="col" className="px-2 py-1.5">Progress</th>
          <th scope="col" className="px-2 py-1.5 text-right">Chunks</th>
          <th scope="col" className="px-2 py-1.5 text-right">Snippets/s</th>
          <th scope="col" className="px-2 py-1.5">Started</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id} className="border-b border-slate-100 align-top" data-testid={`score-run-${r.id}`}>
            <td className="py-1.5 pr-2 whitespace-nowrap">
              #{r.id}
              {r.jobId !== null && <Link href={`/jobs/${r.jobId}`} className="ml-1.5 text-xs text-indigo-700 hover:underline">job</Link>}
            </td>
            <td className="px-2 py-1.5 text-slate-700">
              {r.datasetName ?? (r.datasetId === null ? "all datasets" : `dataset ${r.datasetId}`)}
              {r.activate && <span className="ml-1.5 text-xs text-indigo-700" title="Writes the snippets' probability; the model becomes active when it finishes">activates</span>}
            </td>
            <td className="px-2 py-1.5">
              <ModelStatusBadge status={r.status} testId="score-run-status" />
              {r.error && <div className="mt-1 max-w-64 truncate text-xs text-red-700" title={r.error}>{r.error}</div>}
            </td>
            <td className="px-2 py-1.5">
              <JobProgress job={{ id: r.jobId ?? r.id, status: r.status, progressDone: r.done, progressTotal: r.total, progress: r.total > 0 ? Math.min(1, r.done / r.total) : null }} />
            </td>
            <td className="px-2 py-1.5 text-right tabular-nums text-slate-600">{r.chunksDone} / {r.chunks}</td>
            <td className="px-2 py-1.5 text-right tabular-nums text-slate-600">{r.snippetsPerSecond === null ? "—" : count(Math.round(r.snippetsPerSecond))}</td>
            <td className="px-2 py-1.5 text-xs whitespace-nowrap text-slate-500">{dateTime(r.startedAt ?? r.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
