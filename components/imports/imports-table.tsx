"use client";

import Link from "next/link";
import { Fragment, useState } from "react";
import { Card } from "../ui/card";
import { StatusBadge } from "../ui/status-badge";
import { useImportErrors, type ImportRow } from "./use-imports";

function Errors({ row }: { row: ImportRow }) {
  const errors = useImportErrors(row.id, true);
  return (
    <div className="space-y-2 bg-slate-50 px-4 py-3 text-sm" data-testid={`import-errors-${row.id}`}>
      {row.fatalError && <p className="font-medium text-red-700">Stopped: {row.fatalError}</p>}
      {errors.isLoading && <p className="text-slate-500">Loading…</p>}
      {errors.data && errors.data.errors.length > 0 && (
        <table className="w-full font-mono text-xs">
          <thead className="text-left text-slate-500">
            <tr><th className="w-24 py-1">line</th><th>reason</th></tr>
          </thead>
          <tbody>
            {errors.data.errors.map((e, i) => (
              <tr key={i} className="border-t border-slate-200"><td className="py-1">{e.line}</td><td className="text-red-700">{e.reason}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {row.errorCount > (errors.data?.errors.length ?? 0) && errors.data && (
        <p className="text-slate-500">… and {row.errorCount - errors.data.errors.length} more (the first 1000 are kept).</p>
      )}
    </div>
  );
}

export function ImportsTable({ rows }: { rows: ImportRow[] }) {
  const [open, setOpen] = useState<number | null>(null);
  if (rows.length === 0) return <Card><p className="text-sm text-slate-500">No imports yet.</p></Card>;
  return (
    <Card title="Imports">
      <table className="w-full text-sm [&_td]:px-2 [&_th]:px-2" data-testid="imports-table">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="py-1">#</th><th>File</th><th>Dataset</th><th>Status</th><th className="text-right">Records</th>
            <th className="text-right">New</th><th className="text-right">Duplicates</th><th className="text-right">LLM labels</th><th className="text-right">Bad lines</th><th>When</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const records = r.inserted + r.duplicates + r.errorCount;
            const pct = r.job && r.job.progressTotal > 0 ? Math.round((100 * r.job.progressDone) / r.job.progressTotal) : null;
            return (
              <Fragment key={r.id}>
                <tr className="border-t border-slate-100 align-top" data-testid={`import-row-${r.id}`}>
                  <td className="py-2 text-slate-500">{r.id}</td>
                  <td className="max-w-56 truncate font-mono text-xs" title={r.fileName}>{r.fileName}<div className="text-slate-400">{r.format}</div></td>
                  <td><Link className="text-indigo-600 hover:underline" href={`/datasets/${r.datasetId}`}>{r.dataset}</Link></td>
                  <td>
                    <StatusBadge status={r.status} testId="import-status" />
                    {r.status === "running" && pct !== null && (
                      <div className="mt-1 h-1 w-24 overflow-hidden rounded bg-slate-200"><div className="h-full bg-sky-500" style={{ width: `${pct}%` }} /></div>
                    )}
                    {r.job?.error && r.status !== "completed" && <div className="mt-1 max-w-48 text-xs text-red-700">{r.job.error}</div>}
                  </td>
                  <td className="text-right tabular-nums">{records.toLocaleString()}</td>
                  <td className="text-right tabular-nums" data-testid="import-inserted">{r.inserted.toLocaleString()}</td>
                  <td className="text-right tabular-nums">{r.duplicates.toLocaleString()}</td>
                  <td className="text-right tabular-nums">{r.llmLabels.toLocaleString()}</td>
                  <td className="text-right tabular-nums">
                    {r.errorCount > 0 || r.fatalError ? (
                      <button className="text-red-700 underline decoration-dotted" onClick={() => setOpen(open === r.id ? null : r.id)} data-testid="import-errors-toggle">
                        {r.errorCount.toLocaleString()}{r.fatalError ? " + stopped" : ""}
                      </button>
                    ) : (
                      0
                    )}
                  </td>
                  <td className="text-xs text-slate-500">{new Date(r.createdAt).toLocaleString()}</td>
                </tr>
                {open === r.id && (
                  <tr><td colSpan={10}><Errors row={r} /></td></tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}
