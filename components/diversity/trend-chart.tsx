"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DiversityReportListItem } from "@/lib/diversity/types";

type Point = { label: string; when: string; scope: string; distinct1: number | null; distinct2: number | null; distinct3: number | null; nearDupRate: number | null; entropy: number | null; compression: number | null; vendi: number | null; sample: number };

const RATIO_LINES: { key: keyof Point; name: string; color: string }[] = [
  { key: "distinct1", name: "distinct-1", color: "#a5b4fc" },
  { key: "distinct2", name: "distinct-2", color: "#6366f1" },
  { key: "distinct3", name: "distinct-3", color: "#312e81" },
  { key: "nearDupRate", name: "near-duplicate rate", color: "#dc2626" },
  { key: "entropy", name: "grid entropy", color: "#059669" },
  { key: "compression", name: "compression ratio", color: "#d97706" },
];

/**
 * Figures across the dataset's finished reports, oldest first (one point per report: per campaign or for the
 * whole dataset, labelled so): the 0–1 figures on one chart, the Vendi score on its own scale beside it.
 */
export function TrendChart({ reports }: { reports: DiversityReportListItem[] }) {
  const data: Point[] = reports
    .filter((r) => r.status === "succeeded" && r.summary)
    .slice()
    .reverse()
    .map((r) => ({
      label: `#${r.id}`,
      when: new Date(r.finishedAt ?? r.createdAt).toLocaleString(),
      scope: r.campaignName ? `campaign ${r.campaignName}` : "whole dataset",
      distinct1: r.summary!.distinct1,
      distinct2: r.summary!.distinct2,
      distinct3: r.summary!.distinct3,
      nearDupRate: r.summary!.nearDupRate,
      entropy: r.summary!.entropy,
      compression: r.summary!.compression,
      vendi: r.summary!.vendi,
      sample: r.summary!.vendiOf ?? r.sampleSize,
    }));
  if (data.length < 2) {
    return <div className="flex h-24 items-center justify-center rounded border border-dashed border-slate-200 text-xs text-slate-400" data-testid="diversity-trends-empty">Trends appear once the dataset has two finished reports (compute one per campaign, or again after changes).</div>;
  }
  const tooltip = {
    contentStyle: { fontSize: 12, borderRadius: 6, borderColor: "#e2e8f0" },
    labelFormatter: (_: unknown, payload: readonly { payload?: Point }[]) => {
      const p = payload?.[0]?.payload;
      return p ? `Report ${p.label} · ${p.scope} · ${p.when}` : "";
    },
    formatter: (v: unknown) => (typeof v === "number" ? v.toFixed(3) : "—"),
  };
  return (
    <div className="grid gap-4 lg:grid-cols-3" data-testid="diversity-trends">
      <figure className="min-w-0 lg:col-span-2">
        <figcaption className="mb-1 text-xs font-medium text-slate-600">Ratios across reports (0–1)</figcaption>
        <div role="img" aria-label={`Diversity ratios across ${data.length} reports`} style={{ height: 260 }}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 260 }}>
            <LineChart data={data} margin={{ top: 6, right: 12, bottom: 18, left: 4 }}>
              <CartesianGrid stroke="#e2e8f0" />
              <XAxis dataKey="label" tick={{ fontSize: 10, fill: "#475569" }} label={{ value: "report (oldest → newest)", position: "insideBottom", offset: -12, fontSize: 10, fill: "#64748b" }} />
              <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} width={36} tick={{ fontSize: 10, fill: "#64748b" }} label={{ value: "ratio", angle: -90, position: "insideLeft", offset: 8, fontSize: 10, fill: "#64748b", style: { textAnchor: "middle" } }} />
              <Tooltip {...tooltip} />
              <Legend wrapperStyle={{ fontSize: 11 }} verticalAlign="top" height={28} />
              {RATIO_LINES.map((l) => <Line key={l.key} type="linear" dataKey={l.key} name={l.name} stroke={l.color} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />)}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="min-w-0">
        <figcaption className="mb-1 text-xs font-medium text-slate-600">Vendi score across reports</figcaption>
        <div role="img" aria-label={`Vendi score across ${data.length} reports`} style={{ height: 260 }}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 300, height: 260 }}>
            <LineChart data={data} margin={{ top: 34, right: 12, bottom: 18, left: 4 }}>
              <CartesianGrid stroke="#e2e8f0" />
              <XAxis dataKey="label" tick={{ fontSize: 10, fill: "#475569" }} label={{ value: "report", position: "insideBottom", offset: -12, fontSize: 10, fill: "#64748b" }} />
              <YAxis width={40} tick={{ fontSize: 10, fill: "#64748b" }} label={{ value: "effective items", angle: -90, position: "insideLeft", offset: 8, fontSize: 10, fill: "#64748b", style: { textAnchor: "middle" } }} />
              <Tooltip {...tooltip} formatter={(v: unknown, _n: unknown, item: { payload?: Point }) => (typeof v === "number" ? `${v.toFixed(1)} of ${item.payload?.sample ?? "?"} sampled` : "—")} />
              <Line type="linear" dataKey="vendi" name="Vendi score" stroke="#7c3aed" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
