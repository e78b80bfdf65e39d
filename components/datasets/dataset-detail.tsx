"use client";

import Link from "next/link";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { useCan } from "../user-context";
import { HumanScoreChart, LanguageChart, LlmScoreChart } from "./dataset-charts";
import { DatasetSettingsForm } from "./dataset-settings-form";
import { DeleteDatasetPanel } from "./delete-dataset-panel";
import { fmtDate, fmtInt, fmtPct } from "./format";
import { KindBadge } from "./kind-badge";
import { Skeleton } from "./skeleton";
import { Stat } from "./stat";
import { useDataset } from "./use-dataset";

export function DatasetDetail({ id }: { id: number }) {
  const isAdmin = useCan("admin");
  const q = useDataset(id);
  if (q.isPending) {
    return (
      <div className="space-y-4" aria-busy="true" aria-label="Loading dataset">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-20" />
        <div className="grid grid-cols-3 gap-4">
          <Skeleton className="h-56" /><Skeleton className="h-56" /><Skeleton className="h-56" />
        </div>
      </div>
    );
  }
  if (q.isError) {
    return (
      <div className="space-y-3">
        <Alert tone="error">{(q.error as { status?: number }).status === 404 ? "This dataset does not exist (it may have been deleted)." : q.error.message}</Alert>
        <Link href="/datasets" className="text-sm text-indigo-700 hover:underline">← All datasets</Link>
      </div>
    );
  }
  const d = q.data;
  const s = d.stats;
  return (
    <div className="space-y-4" data-testid="dataset-detail">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <Link href="/datasets" className="text-xs text-slate-500 hover:text-slate-800">← Datasets</Link>
          <div className="mt-0.5 flex items-center gap-2">
            <h1 className="truncate text-xl font-semibold tracking-tight text-slate-900">{d.name}</h1>
            <KindBadge kind={d.kind} />
          </div>
          <p className="text-sm text-slate-500">Created {fmtDate(d.createdAt)} · id {d.id}</p>
        </div>
        <div className="flex gap-2">
          <Link href={`/snippets?dataset=${d.id}`} data-testid="browse-snippets" className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">
            Browse snippets
          </Link>
          <Link href={`/campaigns/new?dataset=${d.id}`} data-testid="label-with-llm" className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">
            Label with LLM
          </Link>
          <Link href={`/review/${d.id}`} data-testid="spot-check" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500">
            Spot-check
          </Link>
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-6">
        <Stat size="lg" label="Snippets" value={fmtInt(d.snippetCount)} />
        <Stat size="lg" label="LLM-labeled" value={fmtInt(s.llmLabeled)} sub={d.snippetCount ? `${fmtPct(s.llmLabeled, d.snippetCount)} of snippets` : undefined} />
        <Stat size="lg" label="Human-reviewed" value={fmtInt(s.reviewed)} sub={d.snippetCount ? `${fmtPct(s.reviewed, d.snippetCount)} of snippets` : undefined} />
        <Stat size="lg" label="Human labels" value={fmtInt(s.humanLabels)} sub={s.reviewed ? `${(s.humanLabels / s.reviewed).toFixed(2)} per reviewed snippet` : undefined} />
        <Stat size="lg" label="Labels / snippet" value={d.labelsPerSnippet} sub="target" />
        <Stat size="lg" label="Threshold" value={`≥ ${d.threshold}`} sub="high educational value" />
      </dl>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card><LanguageChart stats={s} height={220} testId="chart-languages" /></Card>
        <Card><LlmScoreChart stats={s} threshold={d.threshold} height={220} testId="chart-llm-scores" /></Card>
        <Card><HumanScoreChart stats={s} threshold={d.threshold} height={220} testId="chart-human-scores" /></Card>
      </div>
      <p className="text-xs text-slate-400">Figures computed {new Date(s.computedAt).toLocaleTimeString()}; they may be up to 30 seconds old.</p>

      <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-2">
        <Card title="Settings">
          <DatasetSettingsForm dataset={d} editable={isAdmin} />
        </Card>
        {isAdmin && (
          <Card title={<span className="text-red-700">Danger zone</span>} className="border-red-200">
            <DeleteDatasetPanel id={d.id} name={d.name} snippetCount={d.snippetCount} />
          </Card>
        )}
      </div>
    </div>
  );
}
