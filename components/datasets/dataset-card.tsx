"use client";

import Link from "next/link";
import type { DatasetSummary } from "@/lib/datasets/types";
import { LanguageChart, LlmScoreChart } from "./dataset-charts";
import { fmtDate, fmtInt, fmtPct } from "./format";
import { KindBadge } from "./kind-badge";
import { Stat } from "./stat";

/** One dataset on the list page: identity and headline figures on the left, two distributions on the right. */
export function DatasetCard({ dataset: d }: { dataset: DatasetSummary }) {
  const s = d.stats;
  return (
    <article data-testid={`dataset-row-${d.name}`} className="grid grid-cols-1 gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)_minmax(0,1fr)]">
      <div className="flex min-w-0 flex-col gap-3">
        <div className="min-w-0">
          <div className="flex items-center gap-2">
            <Link href={`/datasets/${d.id}`} className="truncate text-base font-semibold text-slate-900 hover:text-indigo-700 hover:underline">
              {d.name}
            </Link>
            <KindBadge kind={d.kind} />
          </div>
          <p className="mt-0.5 line-clamp-2 text-xs text-slate-500">{d.description || <span className="italic">No description</span>}</p>
        </div>
        <dl className="grid grid-cols-3 gap-x-4 gap-y-2">
          <Stat label="Snippets" value={fmtInt(d.snippetCount)} testId="stat-snippets" />
          <Stat label="LLM-labeled" value={fmtInt(s.llmLabeled)} sub={d.snippetCount ? fmtPct(s.llmLabeled, d.snippetCount) : undefined} testId="stat-llm" />
          <Stat label="Reviewed" value={fmtInt(s.reviewed)} sub={d.snippetCount ? `${fmtPct(s.reviewed, d.snippetCount)} of snippets` : undefined} testId="stat-reviewed" />
          <Stat label="Labels / snippet" value={d.labelsPerSnippet} />
          <Stat label="Threshold" value={`≥ ${d.threshold}`} />
          <Stat label="Created" value={<span className="text-sm font-medium">{fmtDate(d.createdAt)}</span>} />
        </dl>
        <div className="mt-auto flex gap-3 text-sm">
          <Link href={`/datasets/${d.id}`} className="font-medium text-indigo-700 hover:underline">Details</Link>
          <Link href={`/snippets?dataset=${d.id}`} className="text-slate-600 hover:text-slate-900 hover:underline">Browse snippets</Link>
          <Link href={`/review/${d.id}`} className="text-slate-600 hover:text-slate-900 hover:underline">Spot-check</Link>
        </div>
      </div>
      <LanguageChart stats={s} testId={`languages-${d.name}`} />
      <LlmScoreChart stats={s} threshold={d.threshold} testId={`scores-${d.name}`} />
    </article>
  );
}
