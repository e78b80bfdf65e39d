"use client";

import { useQuery } from "@tanstack/react-query";
import type { AnnotatorStat } from "@/lib/labels/types";
import { reviewApi } from "./review-api";
import { reviewKeys } from "./review-keys";
import { formatMs } from "./score-style";

const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);

function ago(iso: string | null): string {
  if (!iso) return "—";
  const s = (Date.now() - new Date(iso).getTime()) / 1000;
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

/** Per-annotator counts and time spent on one dataset (GET /api/review/:id/stats). */
export function AnnotatorStatsTable({ datasetId, initial }: { datasetId: number; initial?: AnnotatorStat[] }) {
  const stats = useQuery({ queryKey: reviewKeys.stats(datasetId), queryFn: () => reviewApi.stats(datasetId), initialData: initial ? { annotators: initial } : undefined });
  if (stats.isLoading) return <div className="h-16 animate-pulse rounded bg-slate-100" aria-busy="true" />;
  if (stats.error) return <p className="text-sm text-red-700">Could not load annotator stats: {stats.error.message}</p>;
  const rows = stats.data?.annotators ?? [];
  if (!rows.length) return <p className="text-sm text-slate-500">No human labels yet.</p>;
  return (
    <table className="w-full text-sm" data-testid={`annotator-stats-${datasetId}`}>
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th className="py-1 font-medium">Annotator</th>
          <th className="text-right font-medium">Labeled</th>
          <th className="text-right font-medium">Skipped</th>
          <th className="text-right font-medium" title="Share of labels equal to the LLM score shown">= LLM</th>
          <th className="text-right font-medium" title="Share of labels given with Enter (agree with the LLM)">Agreed (Enter)</th>
          <th className="text-right font-medium">Mean time</th>
          <th className="text-right font-medium">Median time</th>
          <th className="text-right font-medium">Total time</th>
          <th className="text-right font-medium">Last active</th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {rows.map((r) => (
          <tr key={r.userId} className="border-t border-slate-100">
            <td className="py-1.5"><span className="font-medium text-slate-800">{r.name}</span> <span className="text-xs text-slate-400">{r.email}</span></td>
            <td className="text-right">{r.labeled.toLocaleString()}</td>
            <td className="text-right text-slate-500">{r.skipped.toLocaleString()}</td>
            <td className="text-right">{pct(r.agreementRate)}</td>
            <td className="text-right text-slate-500">{pct(r.acceptedRate)}</td>
            <td className="text-right">{formatMs(r.meanTimeMs)}</td>
            <td className="text-right">{formatMs(r.medianTimeMs)}</td>
            <td className="text-right text-slate-500">{formatMs(r.totalTimeMs)}</td>
            <td className="text-right text-slate-500">{ago(r.lastActive)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
