"use client";

import Link from "next/link";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import type { ClassifierPanel as TClassifierPanel, CurveSet } from "@/lib/dashboards/types";
import { CurveChart, type CurvePoint } from "../models/curve-chart";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { fixed, num, pct } from "./format";

/** sklearn's roc_curve starts at threshold +inf (JSON null): draw it at 1, where nothing is predicted high. */
const finite = (t: number | null | undefined) => (t === null || t === undefined || !Number.isFinite(t) ? 1 : t);

function rocPoints(c: CurveSet): CurvePoint[] {
  return c.roc.fpr.map((x, i) => ({ x, y: c.roc.tpr[i], threshold: finite(c.roc.thresholds[i]) }));
}

/** precision_recall_curve has one more point than thresholds (recall 0, precision 1): it takes the top threshold. */
function prPoints(c: CurveSet): CurvePoint[] {
  return c.pr.recall.map((x, i) => ({ x, y: c.pr.precision[i], threshold: finite(c.pr.thresholds[Math.min(i, c.pr.thresholds.length - 1)]) }));
}

const SCORE_COLORS = ["#b91c1c", "#ea580c", "#ca8a04", "#65a30d", "#059669", "#2563eb"];

/** How good the classifier's P(high) is: against human labels where there are some, against LLM labels everywhere. */
export function ClassifierPanel({ data }: { data: TClassifierPanel }) {
  const { model } = data;
  if (!model) {
    return (
      <Card title="Classifier">
        <Alert tone="info">No classifier model yet. <Link className="font-medium underline" href="/models">Train one on the Models page</Link> to see its curves and calibration here.</Alert>
      </Card>
    );
  }
  const cut = model.cut;
  const h = data.vsHuman;
  const l = data.vsLlm;
  return (
    <Card title={<>Classifier · model v{model.version} <span className="font-normal text-slate-500">· high = score ≥ {data.threshold}{cut !== null ? `, cut ${fixed(cut)}` : ""}</span></>}>
      {data.note && <div className="mb-3"><Alert tone="info">{data.note}</Alert></div>}
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <CurveSummary title="vs human labels" set={h} />
        <CurveSummary title="vs LLM labels" set={l} note="from probabilities rounded to 0.01 (a histogram in SQL)" />
      </div>
      <div className="mt-3 grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <CurveChart title={`PR vs human (n = ${num(h.n)})`} points={prPoints(h)} xLabel="recall" yLabel="precision" cut={cut} baseline={h.n ? h.positives / h.n : undefined} testId="classifier-pr-human" />
        <CurveChart title={`ROC vs human (n = ${num(h.n)})`} points={rocPoints(h)} xLabel="false positive rate" yLabel="true positive rate" cut={cut} diagonal testId="classifier-roc-human" />
        <CurveChart title={`PR vs LLM (n = ${num(l.n)})`} points={prPoints(l)} xLabel="recall" yLabel="precision" cut={cut} baseline={l.n ? l.positives / l.n : undefined} testId="classifier-pr-llm" />
        <CurveChart title={`ROC vs LLM (n = ${num(l.n)})`} points={rocPoints(l)} xLabel="false positive rate" yLabel="true positive rate" cut={cut} diagonal testId="classifier-roc-llm" />
      </div>
      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        <CalibrationChart calibration={data.calibration} />
        <HistogramChart histograms={data.histograms} cut={cut} />
      </div>
    </Card>
  );
}

function CurveSummary({ title, set, note }: { title: string; set: CurveSet; note?: string }) {
  return (
    <div className="rounded-md border border-slate-200 p-3 text-sm xl:col-span-2">
      <div className="text-xs font-medium text-slate-500">{title}</div>
      {set.n === 0 ? (
        <p className="mt-1 text-slate-500">No scored snippet with such labels yet.</p>
      ) : (
        <p className="mt-1">
          ROC AUC <strong className="tabular-nums">{fixed(set.rocAuc, 3)}</strong> · PR AUC <strong className="tabular-nums">{fixed(set.prAuc, 3)}</strong>
          <span className="text-slate-500"> · {num(set.n)} snippets, {pct(set.n ? set.positives / set.n : null)} high</span>
        </p>
      )}
      {note && <p className="text-[11px] text-slate-500">{note}</p>}
    </div>
  );
}

function CalibrationChart({ calibration }: { calibration: TClassifierPanel["calibration"] }) {
  const bins = calibration.bins.filter((b) => b.count > 0);
  const against = calibration.against === "human" ? "human labels" : "LLM labels (fewer than 30 human-labeled snippets)";
  return (
    <figure className="min-w-0" data-testid="classifier-calibration">
      <figcaption className="mb-1 text-xs font-medium text-slate-600">Calibration against {against}: points on the diagonal mean P(high) is an honest probability</figcaption>
      <div style={{ height: 260 }} role="img" aria-label={`Calibration, ${bins.length} bins against ${calibration.against}`}>
        {bins.length === 0 ? (
          <div className="flex h-full items-center justify-center rounded border border-dashed border-slate-200 text-xs text-slate-400">No labeled, scored snippets yet</div>
        ) : (
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 260 }}>
            <ScatterChart margin={{ top: 6, right: 12, bottom: 18, left: 4 }}>
              <CartesianGrid stroke="#e2e8f0" />
              <XAxis type="number" dataKey="meanProb" name="mean P(high)" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={{ fontSize: 10, fill: "#475569" }}
                label={{ value: "mean predicted P(high) in bin", position: "insideBottom", offset: -12, fontSize: 10, fill: "#64748b" }} />
              <YAxis type="number" dataKey="fracPositive" name="share high" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} width={36} tick={{ fontSize: 10, fill: "#64748b" }}
                label={{ value: "share truly high", angle: -90, position: "insideLeft", offset: 8, fontSize: 10, fill: "#64748b", style: { textAnchor: "middle" } }} />
              <ZAxis type="number" dataKey="count" range={[30, 300]} name="snippets" />
              <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#94a3b8" strokeDasharray="4 4" />
              <Tooltip
                contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#e2e8f0" }}
                formatter={(v, name) => (name === "snippets" ? num(Number(v)) : Number(v).toFixed(3))}
              />
              <Scatter data={bins} fill="#4f46e5" line={{ stroke: "#4f46e5" }} isAnimationActive={false} name="bins" />
            </ScatterChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}

/** One line per LLM score: the share of that score's snippets in each probability bin, so small scores stay visible. */
function HistogramChart({ histograms, cut }: { histograms: TClassifierPanel["histograms"]; cut: number | null }) {
  const width = 1 / (histograms[0]?.bins.length || 20);
  const totals = histograms.map((h) => h.bins.reduce((a, b) => a + b, 0));
  const rows = Array.from({ length: histograms[0]?.bins.length ?? 0 }, (_, i) => {
    const row: Record<string, number> = { mid: (i + 0.5) * width };
    histograms.forEach((h, k) => {
      row[`s${h.llmScore}`] = totals[k] ? h.bins[i] / totals[k] : 0;
      row[`n${h.llmScore}`] = h.bins[i];
    });
    return row;
  });
  const shown = histograms.filter((_, k) => totals[k] > 0);
  return (
    <figure className="min-w-0" data-testid="classifier-histograms">
      <figcaption className="mb-1 text-xs font-medium text-slate-600">P(high) by LLM score: share of each score&apos;s snippets per 0.05 bin (tooltip: counts)</figcaption>
      <div style={{ height: 260 }} role="img" aria-label={`Probability histograms for LLM scores ${shown.map((h) => h.llmScore).join(", ")}`}>
        {shown.length === 0 ? (
          <div className="flex h-full items-center justify-center rounded border border-dashed border-slate-200 text-xs text-slate-400">No scored snippet has an LLM label yet</div>
        ) : (
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 260 }}>
            <LineChart data={rows} margin={{ top: 6, right: 12, bottom: 18, left: 4 }}>
              <CartesianGrid stroke="#e2e8f0" />
              <XAxis type="number" dataKey="mid" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={{ fontSize: 10, fill: "#475569" }}
                label={{ value: "P(high)", position: "insideBottom", offset: -12, fontSize: 10, fill: "#64748b" }} />
              <YAxis tickFormatter={(v: number) => `${Math.round(v * 100)}%`} width={40} tick={{ fontSize: 10, fill: "#64748b" }}
                label={{ value: "share of the score's snippets", angle: -90, position: "insideLeft", offset: 8, fontSize: 10, fill: "#64748b", style: { textAnchor: "middle" } }} />
              {cut !== null && <ReferenceLine x={cut} stroke="#f59e0b" strokeDasharray="4 4" label={{ value: "cut", fontSize: 10, fill: "#92400e", position: "top" }} />}
              <Tooltip
                contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#e2e8f0" }}
                labelFormatter={(v) => `P(high) ${(Number(v) - width / 2).toFixed(2)}–${(Number(v) + width / 2).toFixed(2)}`}
                formatter={(v, name, item) => {
                  const score = String(item.dataKey).slice(1);
                  return [`${pct(Number(v))} (${num((item.payload as Record<string, number>)[`n${score}`])})`, name];
                }}
              />
              <Legend wrapperStyle={{ fontSize: 11 }} verticalAlign="top" height={20} />
              {shown.map((h) => (
                <Line key={h.llmScore} type="monotone" dataKey={`s${h.llmScore}`} name={`LLM ${h.llmScore}`} stroke={SCORE_COLORS[h.llmScore] ?? "#475569"} strokeWidth={1.75} dot={false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
