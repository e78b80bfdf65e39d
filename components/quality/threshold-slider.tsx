"use client";

import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ThresholdPoint } from "@/lib/dashboards/types";
import { DrillLink, type DrillFilters } from "./drill-link";
import { formatBytes } from "@/lib/format-bytes";
import { compact, fixed, num, pct } from "./format";

/**
 * What a different cut would keep: a range input over the curve's cuts (bin edges of the model's
 * probabilities, computed in SQL) with the kept share and the audit-estimated precision as it moves.
 */
export function ThresholdSlider({ points, modelCut, keptFilters }: {
  points: ThresholdPoint[];
  modelCut: number | null;
  /** Filters of the kept set at a cut, without the probability bound. */
  keptFilters: DrillFilters;
}) {
  const nearest = (cut: number) => points.reduce((best, p, i) => (Math.abs(p.cut - cut) < Math.abs(points[best].cut - cut) ? i : best), 0);
  const [index, setIndex] = useState<number | null>(null);
  if (points.length === 0) return <p className="text-sm text-slate-500">The model has not scored any snippet in this scope yet.</p>;
  const i = index ?? (modelCut === null ? Math.floor(points.length / 2) : nearest(modelCut));
  const p = points[Math.min(i, points.length - 1)];
  const data = points.map((q) => ({ cut: q.cut, kept: q.keptFraction, precision: q.estPrecision }));
  return (
    <div>
      <label className="flex items-center gap-3 text-xs text-slate-600">
        <span className="w-24 shrink-0">Cut P(high) ≥ <strong className="tabular-nums text-slate-900">{fixed(p.cut)}</strong></span>
        <input
          type="range"
          min={0}
          max={points.length - 1}
          step={1}
          value={i}
          onChange={(e) => setIndex(Number(e.target.value))}
          className="w-full accent-indigo-600"
          data-testid="threshold-slider"
          aria-valuetext={`cut ${fixed(p.cut)}: keeps ${pct(p.keptFraction)}, estimated precision ${pct(p.estPrecision)}`}
        />
        {modelCut !== null && (
          <button type="button" className="shrink-0 text-indigo-700 hover:underline" onClick={() => setIndex(null)}>model cut {fixed(modelCut)}</button>
        )}
      </label>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm md:grid-cols-4" data-testid="threshold-readout">
        <div>
          <dt className="text-xs text-slate-500">Kept</dt>
          <dd className="font-semibold tabular-nums">
            {pct(p.keptFraction)} · <DrillLink name="threshold-kept" filters={{ ...keptFilters, minProb: p.cut }}>{num(p.keptCount)} snippets</DrillLink>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Kept size</dt>
          <dd className="font-semibold tabular-nums">{formatBytes(p.keptBytes)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500" title="Approximated as bytes / 4; exact counts depend on the tokenizer">≈ tokens (bytes / 4, approximate)</dt>
          <dd className="font-semibold tabular-nums">{compact(Math.round(p.keptBytes / 4))}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Estimated precision</dt>
          <dd className="font-semibold tabular-nums">
            {p.estPrecision === null ? <span className="font-normal text-slate-500">too few audit labels</span> : pct(p.estPrecision)}
            <span className="ml-1 text-xs font-normal text-slate-500">n = {num(p.estN)}</span>
          </dd>
        </div>
      </dl>
      <p className="mt-1 text-xs text-slate-500">
        Estimated precision at another cut weights the audit&apos;s labeled items above it by the size of the side they were drawn from (a ratio
        estimator): exact at the audited cut, rougher far from it, blank where too few labeled items lie above the cut.
      </p>
      <div className="mt-3" style={{ height: 220 }} role="img" aria-label={`Kept share and estimated precision by cut; at ${fixed(p.cut)} keeps ${pct(p.keptFraction)}`}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 220 }}>
          <LineChart data={data} margin={{ top: 6, right: 12, bottom: 18, left: 4 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis type="number" dataKey="cut" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tick={{ fontSize: 10, fill: "#475569" }}
              label={{ value: "cut on P(high)", position: "insideBottom", offset: -12, fontSize: 10, fill: "#64748b" }} />
            <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => `${v * 100}%`} width={40} tick={{ fontSize: 10, fill: "#64748b" }}
              label={{ value: "share", angle: -90, position: "insideLeft", offset: 8, fontSize: 10, fill: "#64748b", style: { textAnchor: "middle" } }} />
            <Tooltip contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#e2e8f0" }} formatter={(v) => (v === null || v === undefined ? "—" : pct(Number(v)))} labelFormatter={(v) => `cut ${fixed(Number(v))}`} />
            <Legend wrapperStyle={{ fontSize: 11 }} verticalAlign="top" height={20} />
            <Line type="stepAfter" dataKey="kept" name="kept share" stroke="#4f46e5" strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line type="linear" dataKey="precision" name="estimated precision" stroke="#059669" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
            <ReferenceLine x={p.cut} stroke="#f59e0b" strokeDasharray="4 4" />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
