"use client";

import Link from "next/link";
import { CartesianGrid, ErrorBar, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BreakdownRow, PrecisionPanel as TPrecisionPanel } from "@/lib/dashboards/types";
import type { DatasetSummary } from "@/lib/datasets/types";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { BigFigure } from "./big-figure";
import { DrillLink, type DrillFilters } from "./drill-link";
import { interval, num, pct } from "./format";
import { ThresholdSlider } from "./threshold-slider";

/** Filter precision: how much of what the filter keeps is truly high value, by a uniform audit sample and human labels. */
export function PrecisionPanel({ data, datasets }: { data: TPrecisionPanel; datasets: DatasetSummary[] }) {
  const { model, audit } = data;
  if (!model) {
    return (
      <Card title="Filter precision">
        <Alert tone="info">
          No classifier model yet. <Link className="font-medium underline" href="/models">Train one on the Models page</Link>; its kept set (P(high) ≥ cut) is what this panel audits.
        </Alert>
      </Card>
    );
  }
  // The active model's probabilities are on snippet rows (indexed); another model's come from snippet_score.
  const probScope: DrillFilters = { dataset: data.datasetId ?? undefined, modelId: model.active ? undefined : model.id };
  const side = (s: "kept" | "rejected"): DrillFilters => ({ auditId: audit?.id, side: s });
  const t = audit?.threshold ?? model.threshold;
  const { kept, rejected } = data.sampleSizes;
  return (
    <Card title={<>Filter precision · model v{model.version}{audit ? <span className="font-normal text-slate-500"> · audit #{audit.id}{audit.name ? ` “${audit.name}”` : ""}, cut {audit.cut.toFixed(2)}, high = median human score ≥ {audit.threshold}</span> : null}</>}>
      {data.note && <div className="mb-3"><Alert tone="info">{data.note}</Alert></div>}
      {!audit ? (
        <Alert tone="info">
          No audit of model v{model.version} in this scope yet. Create one in the Audit card below: it draws uniform random samples of the kept and
          rejected sets, and precision is estimated from human labels on them.
        </Alert>
      ) : (
        <>
          <div className="grid gap-3 md:grid-cols-3">
            <BigFigure
              label="Precision of the kept set"
              value={data.precision}
              testId="quality-precision"
              sample={
                <>
                  <DrillLink name="kept-high" filters={{ ...side("kept"), minHumanScore: t }}>{num(kept.high)} high</DrillLink> of{" "}
                  <DrillLink name="kept-labeled" filters={{ ...side("kept"), minHumanScore: 0 }}>n = {num(kept.labeled)} labeled</DrillLink> (
                  <DrillLink name="kept-sampled" filters={side("kept")}>{num(kept.sampled)} sampled</DrillLink>) ·{" "}
                  <DrillLink name="kept-false-positives" filters={{ ...side("kept"), maxHumanScore: t - 1 }}>{num(kept.labeled - kept.high)} false positives</DrillLink>
                </>
              }
            />
            <BigFigure
              label="Estimated recall"
              value={data.recall}
              testId="quality-recall"
              sample={
                <>
                  From precision and the false-omission rate, weighted by the set sizes at audit time ({num(audit.keptCount)} kept,{" "}
                  {num(audit.rejectedCount)} rejected). Conservative interval: the low end combines the precision&apos;s low and the false-omission
                  rate&apos;s high bound, the high end the reverse.
                </>
              }
            />
            <BigFigure
              label="False-omission rate (rejected set)"
              value={data.falseOmission}
              testId="quality-false-omission"
              sample={
                <>
                  <DrillLink name="rejected-high" filters={{ ...side("rejected"), minHumanScore: t }}>{num(rejected.high)} high (missed)</DrillLink> of{" "}
                  <DrillLink name="rejected-labeled" filters={{ ...side("rejected"), minHumanScore: 0 }}>n = {num(rejected.labeled)} labeled</DrillLink> (
                  <DrillLink name="rejected-sampled" filters={side("rejected")}>{num(rejected.sampled)} sampled</DrillLink>)
                </>
              }
            />
          </div>
          {data.labelMore.length > 0 && (
            <ul className="mt-3 space-y-0.5 text-sm text-slate-700" data-testid="label-more">
              {data.labelMore.map((h) => (
                <li key={h.margin}>
                  {h.more === 0 && h.moreRejected === 0 ? (
                    <>Precision is within ±{pct(h.margin, 0)} already.</>
                  ) : (
                    <>
                      Label <strong>{num(h.more)}</strong> more kept item{h.more === 1 ? "" : "s"} to reach ±{pct(h.margin, 0)} on precision
                      {h.moreRejected > 0 ? <> and <strong>{num(h.moreRejected)}</strong> more rejected item{h.moreRejected === 1 ? "" : "s"} for the false-omission rate</> : null}.
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <h3 className="mt-5 mb-2 text-sm font-semibold text-slate-800">What a different cut would keep</h3>
      <ThresholdSlider points={data.thresholdCurve} modelCut={audit?.cut ?? model.cut} keptFilters={probScope} />

      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        <TrendChart trend={data.trend} />
        <Breakdown title="By dataset" rows={data.breakdowns.byDataset} name="dataset" filtersFor={(k) => datasetFilter(k, datasets)} display={(k) => datasets.find((x) => String(x.id) === k)?.name ?? k} probScope={probScope} side={side("kept")} threshold={t} cut={audit?.cut ?? model.cut} />
        <Breakdown title="By language" rows={data.breakdowns.byLanguage} name="language" filtersFor={(k) => ({ language: k })} probScope={probScope} side={side("kept")} threshold={t} cut={audit?.cut ?? model.cut} />
        <Breakdown title="By source repository (top 20 by kept)" rows={data.breakdowns.bySource} name="source" filtersFor={(k) => (k ? { source: k } : null)} probScope={probScope} side={side("kept")} threshold={t} cut={audit?.cut ?? model.cut} />
      </div>
    </Card>
  );
}

/** A dataset row's key is its id or its name: either way, the table filter takes the id. */
function datasetFilter(key: string, datasets: DatasetSummary[]): DrillFilters | null {
  const d = datasets.find((x) => String(x.id) === key || x.name === key);
  return d ? { dataset: d.id } : null;
}

function TrendChart({ trend }: { trend: TPrecisionPanel["trend"] }) {
  const data = trend.map((p) => ({
    version: `v${p.modelVersion}`,
    precision: p.precision.estimate,
    err: p.precision.estimate === null ? [0, 0] : [p.precision.estimate - p.precision.low, p.precision.high - p.precision.estimate],
    low: p.precision.low,
    high: p.precision.high,
    n: p.n,
    auditId: p.auditId,
  }));
  return (
    <figure className="min-w-0" data-testid="precision-trend">
      <figcaption className="mb-1 text-xs font-medium text-slate-600">Precision across model versions (newest audit of each, 95% intervals)</figcaption>
      <div style={{ height: 220 }} role="img" aria-label={`Precision trend: ${trend.map((p) => `v${p.modelVersion} ${pct(p.precision.estimate)}`).join(", ") || "no audited versions"}`}>
        {data.length === 0 ? (
          <div className="flex h-full items-center justify-center rounded border border-dashed border-slate-200 text-xs text-slate-400">No audited model versions yet</div>
        ) : (
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 220 }}>
            <LineChart data={data} margin={{ top: 6, right: 12, bottom: 18, left: 4 }}>
              <CartesianGrid stroke="#e2e8f0" />
              <XAxis dataKey="version" tick={{ fontSize: 10, fill: "#475569" }} label={{ value: "model version", position: "insideBottom", offset: -12, fontSize: 10, fill: "#64748b" }} />
              <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => `${v * 100}%`} width={40} tick={{ fontSize: 10, fill: "#64748b" }}
                label={{ value: "precision", angle: -90, position: "insideLeft", offset: 8, fontSize: 10, fill: "#64748b", style: { textAnchor: "middle" } }} />
              <Tooltip
                contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#e2e8f0" }}
                formatter={(_, __, item) => {
                  const d = item.payload as (typeof data)[number];
                  return [`${pct(d.precision)} (${pct(d.low)}–${pct(d.high)}), n = ${d.n}`, `precision · audit #${d.auditId}`];
                }}
              />
              <Line type="linear" dataKey="precision" stroke="#4f46e5" strokeWidth={2} isAnimationActive={false} dot={{ r: 3 }}>
                <ErrorBar dataKey="err" width={6} stroke="#4f46e5" />
              </Line>
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}

function Breakdown({ title, rows, name, filtersFor, display = (k) => k, probScope, side, threshold, cut }: {
  title: string;
  display?: (key: string) => string;
  rows: BreakdownRow[];
  name: string;
  /** The table filter of a group; null when it has none (snippets without a source repository). */
  filtersFor: (key: string) => DrillFilters | null;
  probScope: DrillFilters;
  side: DrillFilters;
  threshold: number;
  cut: number | null;
}) {
  return (
    <div className="min-w-0" data-testid={`breakdown-${name}`}>
      <h4 className="mb-1 text-xs font-medium text-slate-600">{title}</h4>
      {rows.length === 0 ? (
        <p className="text-xs text-slate-400">Nothing kept in this scope.</p>
      ) : (
        <div className="max-h-72 overflow-auto rounded border border-slate-200">
          <table className="w-full text-xs">
            <thead className="sticky top-0 bg-slate-50 text-left text-slate-500">
              <tr>
                <th className="px-2 py-1 font-medium">{name}</th>
                <th className="px-2 py-1 text-right font-medium">kept</th>
                <th className="px-2 py-1 text-right font-medium">labeled</th>
                <th className="px-2 py-1 text-right font-medium">precision</th>
                <th className="px-2 py-1 font-medium">95% interval</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const f = filtersFor(r.key);
                const label = display(r.key);
                return (
                  <tr key={r.key} className="border-t border-slate-100">
                    <td className="max-w-56 truncate px-2 py-1 font-mono" title={label}>{label || <span className="text-slate-400">(none)</span>}</td>
                    <td className="px-2 py-1 text-right tabular-nums">
                      {f && cut !== null ? <DrillLink name={`${name}-${i}-kept`} filters={{ ...probScope, ...f, minProb: cut }}>{num(r.kept)}</DrillLink> : num(r.kept)}
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">
                      {f ? <DrillLink name={`${name}-${i}-labeled`} filters={{ ...side, ...f, minHumanScore: 0 }}>{num(r.labeled)}</DrillLink> : num(r.labeled)}
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">
                      {f && r.labeled > 0 ? <DrillLink name={`${name}-${i}-high`} filters={{ ...side, ...f, minHumanScore: threshold }} title="The truly-high labeled items">{pct(r.precision.estimate)}</DrillLink> : pct(r.precision.estimate)}
                    </td>
                    <td className="px-2 py-1 text-slate-500">{r.precision.estimate === null ? "—" : interval(r.precision).replace("95% CI ", "")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
