"use client";

import type { FlaggedSnippet } from "@/lib/decontam/types";
import { percent } from "./format";

/**
 * Flagged snippets: dataset, snippet, matched benchmark task ids with method and overlap, and whether a
 * reviewer kept it. A row (or Enter on it) opens the side-by-side view.
 */
export function FlaggedTable({ items, selected, onOpen }: { items: FlaggedSnippet[]; selected: number | null; onOpen: (id: number) => void }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="flagged-table">
        <thead className="text-left text-[11px] font-medium tracking-wide text-slate-500 uppercase">
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-1.5 pr-2">Snippet</th>
            <th scope="col" className="px-2 py-1.5">Dataset</th>
            <th scope="col" className="px-2 py-1.5">Benchmark items</th>
            <th scope="col" className="px-2 py-1.5">Method</th>
            <th scope="col" className="px-2 py-1.5 text-right">Overlap</th>
            <th scope="col" className="px-2 py-1.5">Export</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => {
            const top = s.matches[0];
            const methods = [...new Set(s.matches.map((m) => m.method))];
            return (
              <tr
                key={s.snippetId}
                tabIndex={0}
                aria-selected={selected === s.snippetId}
                onClick={() => onOpen(s.snippetId)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") onOpen(s.snippetId);
                }}
                className={`cursor-pointer border-b border-slate-100 align-top hover:bg-slate-50 focus:bg-indigo-50 focus:outline-none ${selected === s.snippetId ? "bg-indigo-50" : ""}`}
                data-testid={`flagged-row-${s.snippetId}`}
              >
                <td className="py-1.5 pr-2">
                  <span className="font-medium text-indigo-700">#{s.snippetId}</span>
                  {s.path && <div className="max-w-56 truncate text-xs text-slate-500" title={s.path}>{s.path}</div>}
                </td>
                <td className="px-2 py-1.5 text-slate-700">{s.datasetName}</td>
                <td className="px-2 py-1.5">
                  <div className="flex flex-wrap gap-1" data-testid="flagged-task-ids">
                    {s.matches.slice(0, 6).map((m) => (
                      <span key={`${m.benchmarkId}-${m.taskId}`} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700" title={`${m.benchmark} ${m.taskId}: ${m.method}, ${m.shared} shared, ${percent(m.overlap)}`}>
                        {m.taskId}
                      </span>
                    ))}
                    {s.matches.length > 6 && <span className="text-xs text-slate-500">+{s.matches.length - 6} more</span>}
                  </div>
                </td>
                <td className="px-2 py-1.5 text-xs text-slate-600">{methods.join(", ")}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{top ? percent(top.overlap) : "—"}</td>
                <td className="px-2 py-1.5">
                  {s.override ? (
                    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900" title={s.override.note} data-testid="flagged-overridden">kept (override)</span>
                  ) : (
                    <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800" data-testid="flagged-excluded">excluded</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
