"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { SnippetRow } from "@/lib/snippets/types";
import { formatBytes } from "@/lib/format-bytes";
import { Skeleton } from "../datasets/skeleton";
import { ProbBadge } from "../models/prob-badge";
import { ScoreBadge } from "./score-badge";

const reviewHref = (r: SnippetRow) => `/review/${r.datasetId}?snippet=${r.id}`;

/**
 * Dense, read-only table; a row opens the snippet in the spot-check view. The classifier column reads the
 * probability against the active model's cut (greyed below it).
 */
export function SnippetTable({ rows, datasetNames, showDataset, classifier }: {
  rows: SnippetRow[];
  datasetNames: Map<number, string>;
  showDataset: boolean;
  classifier: { version: number; cut: number | null } | null;
}) {
  const router = useRouter();
  return (
    <table className="w-full table-fixed text-sm" data-testid="snippet-table">
      <colgroup>
        <col className="w-20" />
        <col />
        {showDataset && <col className="w-28" />}
        <col className="w-24" />
        <col className="w-40" />
        <col className="w-24" />
        <col className="w-20" />
        <col className="w-12" />
        <col className="w-20" />
        <col className="w-32" />
        <col className="w-16" />
      </colgroup>
      <thead className="sticky top-0 z-10 bg-slate-50 text-left text-[11px] font-medium uppercase tracking-wide text-slate-500">
        <tr className="border-b border-slate-200">
          <th scope="col" className="px-3 py-2">ID</th>
          <th scope="col" className="px-2 py-2">Snippet</th>
          {showDataset && <th scope="col" className="px-2 py-2">Dataset</th>}
          <th scope="col" className="px-2 py-2">Language</th>
          <th scope="col" className="px-2 py-2">Source repo</th>
          <th scope="col" className="px-2 py-2">Licence</th>
          <th scope="col" className="px-2 py-2 text-right">Size</th>
          <th scope="col" className="px-2 py-2 text-center" title="LLM score 0–5">LLM</th>
          <th scope="col" className="px-2 py-2" title={classifier ? `P(high value) from classifier v${classifier.version}; greyed below its cut` : "P(high value) from the active classifier model (none yet)"}>Classifier</th>
          <th scope="col" className="px-2 py-2" title="Human labels: count and scores">Human</th>
          <th scope="col" className="px-2 py-2 text-center">Rev.</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.id}
            data-testid="snippet-row"
            data-snippet-id={r.id}
            onClick={(e) => {
              if ((e.target as HTMLElement).closest("a")) return;
              router.push(reviewHref(r));
            }}
            className="cursor-pointer border-b border-slate-100 align-top hover:bg-indigo-50/50"
          >
            <td className="px-3 py-1.5 font-mono text-xs tabular-nums">
              <Link href={reviewHref(r)} className="text-indigo-700 hover:underline" aria-label={`Open snippet ${r.id} in spot-check`}>
                {r.id}
              </Link>
            </td>
            <td className="min-w-0 px-2 py-1.5">
              {r.path && <div className="truncate font-mono text-[11px] text-slate-500" title={r.path}>{r.path}</div>}
              <div className="truncate font-mono text-xs text-slate-900" title={r.preview}>{r.preview || <span className="italic text-slate-400">(empty)</span>}</div>
            </td>
            {showDataset && <td className="truncate px-2 py-1.5 text-xs text-slate-600">{datasetNames.get(r.datasetId) ?? r.datasetId}</td>}
            <td className="truncate px-2 py-1.5 text-xs text-slate-700">{r.language}</td>
            <td className="truncate px-2 py-1.5 text-xs text-slate-600" title={r.source ?? undefined}>{r.source ?? <span className="text-slate-300">—</span>}</td>
            <td className="truncate px-2 py-1.5 text-xs text-slate-600" title={r.license ?? undefined}>{r.license ?? <span className="text-slate-300">—</span>}</td>
            <td className="px-2 py-1.5 text-right text-xs tabular-nums text-slate-600" title={`${r.sizeBytes} bytes, ${r.lineCount} lines`}>{formatBytes(r.sizeBytes)}</td>
            <td className="px-2 py-1.5 text-center"><ScoreBadge score={r.llmScore} /></td>
            <td className="px-2 py-1.5"><ProbBadge prob={r.classifierProb} cut={classifier?.cut ?? null} version={classifier?.version} /></td>
            <td className="px-2 py-1.5">
              {r.humanLabels.length === 0 ? (
                <span className="text-xs text-slate-300">—</span>
              ) : (
                <span className="flex flex-wrap items-center gap-1" title={r.humanLabels.map((l) => `${l.userName}: ${l.score ?? "–"}${l.agreed ? " (agreed)" : ""}`).join("\n")}>
                  <span className="text-xs tabular-nums text-slate-500">{r.humanLabels.length}×</span>
                  {r.humanLabels.slice(0, 4).map((l, i) => (
                    <ScoreBadge key={i} score={l.score} title={`${l.userName}: ${l.score ?? "no score"}`} />
                  ))}
                </span>
              )}
            </td>
            <td className="px-2 py-1.5 text-center">
              {r.reviewCount > 0 ? (
                <span className="text-emerald-600" title={`Reviewed by ${r.reviewCount}`} aria-label="reviewed">●</span>
              ) : (
                <span className="text-slate-300" title="Not reviewed" aria-label="not reviewed">○</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SnippetTableSkeleton({ rows = 12 }: { rows?: number }) {
  return (
    <div className="divide-y divide-slate-100" aria-busy="true" aria-label="Loading snippets">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-4 px-3 py-2.5">
          <Skeleton className="h-3 w-12" />
          <Skeleton className="h-3 flex-1" />
          <Skeleton className="h-3 w-16" />
          <Skeleton className="h-3 w-32" />
          <Skeleton className="h-4 w-6" />
          <Skeleton className="h-4 w-16" />
        </div>
      ))}
    </div>
  );
}
