"use client";

import Link from "next/link";
import { formatBytes } from "@/lib/format-bytes";
import type { ExportView } from "@/lib/export/types";
import { Card } from "../ui/card";
import { ExportProgress } from "./export-progress";
import { ExportStatusBadge } from "./export-status-badge";
import { fmtInt, fmtTokens } from "./format";

/** Past exports with their lineage: what was selected (filter, model + cut, seed), what came out, who and when. */
export function ExportsTable({ exports }: { exports: ExportView[] }) {
  return (
    <Card title="Past exports">
      {exports.length === 0 ? (
        <p className="py-2 text-sm text-slate-500" data-testid="exports-empty">No exports yet. Build one above: its preview shows what it would contain before anything is written.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm [&_td]:px-2 [&_th]:px-2" data-testid="exports-table">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className="py-1">#</th><th>Name · datasets</th><th>Filter</th><th>Model · cut</th><th>Status</th><th>Progress</th>
                <th className="text-right">Rows</th><th className="text-right">Tokens</th><th className="text-right">Size</th><th>Created</th>
              </tr>
            </thead>
            <tbody>
              {exports.map((e) => (
                <tr key={e.id} className={`border-t border-slate-100 align-top ${e.status === "deleted" ? "text-slate-400" : ""}`} data-testid={`export-row-${e.id}`}>
                  <td className="py-2"><Link href={`/exports/${e.id}`} className="font-medium text-indigo-700 hover:underline">#{e.id}</Link></td>
                  <td className="max-w-[16rem]">
                    <Link href={`/exports/${e.id}`} className="font-medium text-slate-800 hover:underline" data-testid="export-name">{e.name}</Link>
                    <div className="truncate text-xs text-slate-500">{e.datasets.map((d) => d.name).join(", ")} · {e.format === "parquet" ? "Parquet" : "JSONL.gz"} · seed {e.seed}</div>
                  </td>
                  <td className="max-w-[20rem] text-xs text-slate-600" data-testid="export-filter">{e.filterSummary}</td>
                  <td className="text-xs tabular-nums whitespace-nowrap">{e.model ? `v${e.model.version}${e.spec.filter.mode === "model" && e.model.cut !== null ? ` ≥ ${e.model.cut.toFixed(3)}` : ""}` : "–"}</td>
                  <td><ExportStatusBadge status={e.status} /></td>
                  <td><ExportProgress exp={e} /></td>
                  <td className="text-right tabular-nums">{e.status === "succeeded" || e.status === "deleted" ? fmtInt(e.rows) : "–"}</td>
                  <td className="text-right tabular-nums">{e.tokens ? fmtTokens(e.tokens) : "–"}</td>
                  <td className="text-right tabular-nums whitespace-nowrap">{e.bytes ? formatBytes(e.bytes) : "–"}</td>
                  <td className="text-xs whitespace-nowrap text-slate-500">
                    {new Date(e.createdAt).toLocaleString()}
                    <div>{e.createdBy ? e.createdBy.name || e.createdBy.email : "CLI"}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
