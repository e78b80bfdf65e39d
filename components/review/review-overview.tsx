import Link from "next/link";
import type { ReviewDatasetSummary } from "@/lib/labels/types";
import { AnnotatorStatsTable } from "./annotator-stats-table";

/** /review: every dataset with the user's queue progress, entry points to each queue, and annotator stats. */
export function ReviewOverview({ datasets }: { datasets: ReviewDatasetSummary[] }) {
  if (datasets.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-14 text-center" data-testid="review-empty">
        <div className="text-base font-semibold text-slate-900">Nothing to spot-check yet</div>
        <p className="mt-1 text-sm text-slate-500">
          Import a dataset with LLM labels on the <Link href="/datasets" className="text-indigo-600 hover:underline">Datasets</Link> page, then come back here.
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {datasets.map((d) => {
        const p = d.progress;
        const pct = p.total ? (100 * p.done) / p.total : 0;
        const completePct = d.snippetCount ? (100 * p.dataset.complete) / d.snippetCount : 0;
        return (
          <section key={d.id} className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid={`review-dataset-${d.id}`}>
            <div className="flex flex-wrap items-start gap-x-6 gap-y-3 p-4">
              <div className="min-w-56 flex-1">
                <div className="flex items-baseline gap-2">
                  <h2 className="text-base font-semibold text-slate-900">{d.name}</h2>
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{d.kind}</span>
                </div>
                <p className="mt-0.5 text-xs text-slate-500">
                  {d.snippetCount.toLocaleString()} snippets · {d.labelsPerSnippet} label{d.labelsPerSnippet > 1 ? "s" : ""} per snippet ·{" "}
                  {p.dataset.complete.toLocaleString()} complete ({completePct < 0.1 && completePct > 0 ? "<0.1" : completePct.toFixed(1)}%)
                </p>
                {d.description && <p className="mt-1 line-clamp-2 text-sm text-slate-600">{d.description}</p>}
              </div>
              <div className="w-full sm:w-[26rem]">
                <div className="flex justify-between text-xs text-slate-600">
                  <span>You: {p.done.toLocaleString()} done</span>
                  <span>{p.remaining.toLocaleString()} left</span>
                </div>
                <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-label={`Your progress on ${d.name}`} aria-valuemin={0} aria-valuemax={p.total} aria-valuenow={p.done}>
                  <div className="h-full rounded-full bg-indigo-600" style={{ width: `${pct}%` }} />
                </div>
                <div className="mt-3 flex flex-wrap gap-1.5">
                  <Link href={`/review/${d.id}?queue=random`} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500" data-testid={`start-${d.id}`}>
                    {p.remaining ? "Start" : "Open"}
                  </Link>
                  <QueueLink href={`/review/${d.id}?queue=stratified`}>Stratified</QueueLink>
                  <QueueLink href={`/review/${d.id}?queue=uncertain`}>Uncertain first</QueueLink>
                  <QueueLink href={`/review/${d.id}?queue=disagreements`}>Disagreements{d.disagreements ? ` (${d.disagreements.toLocaleString()})` : ""}</QueueLink>
                  <QueueLink href={`/review/${d.id}?queue=mine`}>Mine ({(p.mine.labeled + p.mine.skipped).toLocaleString()})</QueueLink>
                </div>
              </div>
            </div>
            <div className="border-t border-slate-100 px-4 py-3">
              <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Annotators</h3>
              <AnnotatorStatsTable datasetId={d.id} />
            </div>
          </section>
        );
      })}
    </div>
  );
}

function QueueLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="rounded-md bg-white px-2.5 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">
      {children}
    </Link>
  );
}
