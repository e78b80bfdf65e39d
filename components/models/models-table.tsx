"use client";

import Link from "next/link";
import type { ModelView } from "@/lib/classifier/types";
import { count, dateTime, metric, percent } from "./format";
import { ActiveBadge, ModelStatusBadge } from "./model-status-badge";
import { TrainingProgress } from "./training-progress";

/** Every model version, newest first; a row opens the model page. */
export function ModelsTable({ models }: { models: ModelView[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm" data-testid="models-table">
        <thead className="bg-slate-50 text-left text-[11px] font-medium tracking-wide text-slate-500 uppercase">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-3 py-2">Version</th>
            <th scope="col" className="px-2 py-2">Dataset</th>
            <th scope="col" className="px-2 py-2">Status</th>
            <th scope="col" className="px-2 py-2 text-right">Rows</th>
            <th scope="col" className="px-2 py-2 text-right" title="Cross-validated ROC AUC">ROC AUC</th>
            <th scope="col" className="px-2 py-2 text-right" title="Cross-validated average precision">PR AUC</th>
            <th scope="col" className="px-2 py-2 text-right" title="Precision / recall / F1 at the cut (out-of-fold)">P / R / F1</th>
            <th scope="col" className="px-2 py-2 text-right" title="Probability cut chosen for the target precision">Cut</th>
            <th scope="col" className="px-2 py-2">Created</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.id} className="border-b border-slate-100 align-top hover:bg-slate-50" data-testid={`model-row-${m.version}`}>
              <td className="px-3 py-2 whitespace-nowrap">
                <Link href={`/models/${m.id}`} className="font-medium text-indigo-700 hover:underline">v{m.version}</Link>
                {m.active && <span className="ml-1.5"><ActiveBadge /></span>}
              </td>
              <td className="px-2 py-2 text-slate-700">{m.datasetName ?? <span className="text-slate-400">(deleted)</span>}</td>
              <td className="px-2 py-2">
                <ModelStatusBadge status={m.status} />
                {m.status === "training" && m.job && <div className="mt-1"><TrainingProgress job={m.job} /></div>}
                {m.liveRun && (
                  <div className="mt-1 text-xs text-slate-500" data-testid="model-scoring">
                    {m.liveRun.activate ? "scoring to activate" : "re-scoring"}
                    {m.liveRun.total > 0 && ` · ${Math.floor((100 * m.liveRun.done) / m.liveRun.total)}%`}
                  </div>
                )}
                {m.status === "failed" && m.error && <div className="mt-1 max-w-64 truncate text-xs text-red-700" title={m.error}>{m.error}</div>}
              </td>
              <td className="px-2 py-2 text-right tabular-nums text-slate-600">{count(m.rows)}</td>
              <td className="px-2 py-2 text-right font-medium tabular-nums" data-testid="model-auc">{metric(m.rocAuc)}</td>
              <td className="px-2 py-2 text-right tabular-nums">{metric(m.prAuc)}</td>
              <td className="px-2 py-2 text-right whitespace-nowrap tabular-nums text-slate-700">
                {m.precision === null && m.recall === null ? "—" : `${percent(m.precision)} / ${percent(m.recall)} / ${metric(m.f1, 2)}`}
              </td>
              <td className="px-2 py-2 text-right tabular-nums">{metric(m.cut)}</td>
              <td className="px-2 py-2 text-xs whitespace-nowrap text-slate-500">{dateTime(m.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
