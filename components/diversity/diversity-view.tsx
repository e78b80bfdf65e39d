"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { DiversityReportView } from "@/lib/diversity/types";
import { useDatasets } from "../datasets/use-datasets";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { Field, Select } from "../ui/field";
import { ClusterBrowser } from "./cluster-browser";
import { ComputePanel } from "./compute-panel";
import { CoverageHeatmap } from "./coverage-heatmap";
import { count, dateTime, ratio } from "./format";
import { MetricCards } from "./metric-cards";
import { LIVE_REPORT } from "./query-keys";
import { RepeatedBars } from "./repeated-bars";
import { ReportStatusBadge } from "./report-status-badge";
import { TrendChart } from "./trend-chart";
import { useDiversityReport } from "./use-diversity-report";
import { useDiversityReports } from "./use-diversity-reports";
import { useScopeCampaigns } from "./use-scope-campaigns";

const positive = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/**
 * The diversity dashboard. Scope (dataset, campaign) and the report shown live in the URL; figures come from
 * stored reports (the `diversity.report` job computes them), never from items loaded into the browser.
 */
export function DiversityView() {
  const params = useSearchParams();
  const pathname = usePathname();
  const datasetId = positive(params.get("dataset"));
  const campaignId = positive(params.get("campaign")) ?? null;
  const chosenReport = positive(params.get("report"));
  const setParams = useCallback(
    (patch: Partial<Record<"dataset" | "campaign" | "report", string>>) => {
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      const qs = next.toString();
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );

  const datasets = useDatasets();
  const campaigns = useScopeCampaigns(datasetId);
  const reports = useDiversityReports(datasetId);
  const inScope = useMemo(() => (reports.data ?? []).filter((r) => r.campaignId === campaignId), [reports.data, campaignId]);
  const live = inScope.find((r) => LIVE_REPORT.has(r.status)) ?? null;
  const latestDone = inScope.find((r) => r.status === "succeeded");
  const shownId = chosenReport && inScope.some((r) => r.id === chosenReport) ? chosenReport : (latestDone?.id ?? inScope[0]?.id);
  const report = useDiversityReport(shownId);
  const dataset = (datasets.data ?? []).find((d) => d.id === datasetId);

  return (
    <div className="space-y-5">
      <div className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm md:grid-cols-3" data-testid="diversity-scope">
        <Field label="Dataset">
          <Select value={datasetId ?? ""} onChange={(e) => setParams({ dataset: e.target.value, campaign: "", report: "" })} data-testid="diversity-dataset">
            <option value="">Choose a dataset…</option>
            {(datasets.data ?? []).map((d) => <option key={d.id} value={d.id}>{d.name} ({d.kind}, {count(d.snippetCount)})</option>)}
          </Select>
        </Field>
        <Field label="Scope" hint={campaigns.data?.length ? undefined : datasetId ? "No generation campaigns: the whole dataset" : undefined}>
          <Select value={campaignId ?? ""} onChange={(e) => setParams({ campaign: e.target.value, report: "" })} disabled={!datasetId} data-testid="diversity-campaign">
            <option value="">Whole dataset</option>
            {(campaigns.data ?? []).map((c) => <option key={c.id} value={c.id}>Campaign {c.name} (#{c.id}, {c.kind}, {count(c.items)} items)</option>)}
          </Select>
        </Field>
        <Field label="Report">
          <Select value={shownId ?? ""} onChange={(e) => setParams({ report: e.target.value })} disabled={!inScope.length} data-testid="diversity-report-select">
            {!inScope.length && <option value="">No report yet</option>}
            {inScope.map((r) => <option key={r.id} value={r.id}>#{r.id} · {r.status} · {dateTime(r.finishedAt ?? r.createdAt)}</option>)}
          </Select>
        </Field>
      </div>

      {!datasetId ? (
        <Alert>Choose a dataset to see its diversity: any dataset works; synthetic ones also show their constraint grid.</Alert>
      ) : (
        <>
          <Card title={`Compute${dataset ? ` · ${dataset.name}` : ""}${campaignId ? ` · campaign #${campaignId}` : ""}`}>
            <ComputePanel datasetId={datasetId} campaignId={campaignId} live={live} onStarted={() => setParams({ report: "" })} />
          </Card>
          {reports.isError && <Alert tone="error">Reports: {reports.error.message}</Alert>}
          {report.isError && <Alert tone="error">Report: {report.error.message}</Alert>}
          {report.data ? <ReportSections report={report.data} /> : shownId ? <div className="h-40 animate-pulse rounded bg-slate-100" role="status" aria-label="Loading report" /> : reports.data && <Alert>No report for this scope yet{live ? ": the first one is being computed." : ". Compute one above (or `npx syllabus diversity --dataset …`)."}</Alert>}
          <Card title="Trends across reports">
            <TrendChart reports={reports.data ?? []} />
          </Card>
        </>
      )}
    </div>
  );
}

function ReportSections({ report }: { report: DiversityReportView }) {
  const m = report.metrics;
  const header = (
    <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600" data-testid="diversity-report-header">
      <span className="font-medium text-slate-800">Report #{report.id}</span>
      <ReportStatusBadge status={report.status} />
      <span>{report.campaignName ? `campaign ${report.campaignName}` : `dataset ${report.datasetName}`}</span>
      {m && <span>· {count(m.items)} items · {dateTime(report.finishedAt)} · {m.seconds.toFixed(1)} s</span>}
    </div>
  );
  if (!m) {
    return (
      <div className="space-y-2">
        {header}
        {report.status === "failed" && <Alert tone="error">This report failed: {report.error ?? "see its job"}</Alert>}
        {report.status === "cancelled" && <Alert tone="warning">This report was cancelled.</Alert>}
      </div>
    );
  }
  return (
    <div className="space-y-5" data-testid="diversity-report">
      {header}
      {m.vectors.note && <Alert tone="warning">{m.vectors.note}</Alert>}
      <MetricCards m={m} />
      {m.coverage && (
        <Card title="Coverage of the constraint grid">
          <CoverageHeatmap coverage={m.coverage} />
        </Card>
      )}
      <Card title="Most repeated">
        <div className="grid gap-5 lg:grid-cols-2">
          <RepeatedBars title={`Openings (first ${m.openings.words} words, all items)`} items={m.openings.top} testId="diversity-openings" empty="No opening is shared by two items." />
          <RepeatedBars title={`Word ${m.ngrams.n}-grams (sample)`} items={m.ngrams.top} testId="diversity-ngrams" empty={`No ${m.ngrams.n}-gram occurs in two items.`} />
          <RepeatedBars title="Function names (all items)" items={m.functionNames.top} testId="diversity-function-names" empty="No function name is reused." />
        </div>
      </Card>
      <Card title={`Near-duplicate clusters (${count(m.nearDup.clusters)})`}>
        <ClusterBrowser reportId={report.id} />
      </Card>
      <details className="rounded-lg border border-slate-200 bg-white p-3 text-xs text-slate-600" data-testid="diversity-method">
        <summary className="cursor-pointer font-medium text-slate-700">How these figures were computed</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>Tokens: {m.tokenization}.</li>
          <li>Sample: {count(m.sample.items)} items drawn uniformly with seed {m.sample.seed} (distinct-n, n-grams, compression, vectors); openings and function names over all {count(m.items)} items.</li>
          <li>
            Near-duplicates: MinHash with {m.nearDup.permutations} permutations over word {m.nearDup.shingle}-gram shingles of every item, LSH with {m.nearDup.bands} bands × {m.nearDup.rows} rows (a pair at Jaccard {m.nearDup.threshold} becomes a candidate with probability {ratio(m.nearDup.recallAtThreshold, 3)}),
            {" "}{count(m.nearDup.candidates)} candidate pairs verified by estimated Jaccard ≥ {m.nearDup.threshold}, {count(m.nearDup.pairs)} kept, joined into clusters (union-find); the lowest id of a cluster is kept, the others get <code className="font-mono">nearDupOf</code>. {m.nearDup.threads} thread{m.nearDup.threads === 1 ? "" : "s"}, {m.nearDup.seconds.toFixed(1)} s{m.nearDup.emptyItems ? `; ${m.nearDup.emptyItems} items without any word were skipped` : ""}.
          </li>
          <li>Vectors: {m.vectors.kind === "embeddings" ? `cached ${m.vectors.model} embeddings (${m.vectors.dimensions} dimensions)` : `TF-IDF (sublinear tf, smooth idf, L2 rows; ${count(m.vectors.dimensions)} terms)`}; Vendi score = exp(−Σ λ log λ) over the eigenvalues of K/n, K the cosine-similarity matrix; dispersion = mean of 1 − cos over all pairs ({m.vectors.seconds.toFixed(1)} s).</li>
        </ul>
      </details>
    </div>
  );
}
