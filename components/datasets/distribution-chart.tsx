"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type Bucket = { label: string; count: number; color: string; hint?: string };

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const full = new Intl.NumberFormat("en");

/**
 * A small labeled bar chart of counts per bucket, with a tooltip giving the count and its share. The
 * figure is described in aria-label too, since the SVG itself says little to a screen reader.
 */
export function DistributionChart({ title, data, xLabel, yLabel = "Snippets", height = 150, testId }: {
  title: string;
  data: Bucket[];
  xLabel: string;
  yLabel?: string;
  height?: number;
  testId?: string;
}) {
  const total = data.reduce((n, d) => n + d.count, 0);
  const summary = `${title}: ${data.map((d) => `${d.label} ${full.format(d.count)}`).join(", ")}`;
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="mb-1 text-xs font-medium text-slate-600">{title}</figcaption>
      <div role="img" aria-label={summary} style={{ height }}>
        {total === 0 ? (
          <div className="flex h-full items-center justify-center rounded border border-dashed border-slate-200 text-xs text-slate-400">No data yet</div>
        ) : (
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height }}>
            <BarChart data={data} margin={{ top: 4, right: 4, bottom: 18, left: 4 }} barCategoryGap="18%">
              <CartesianGrid vertical={false} stroke="#e2e8f0" />
              <XAxis
                dataKey="label"
                interval={0}
                // Long names (javascript, typescript) would run into each other; the tooltip shows them whole.
                tickFormatter={(v: string) => (v.length > 8 ? `${v.slice(0, 7)}…` : v)}
                tickLine={false}
                axisLine={{ stroke: "#cbd5e1" }}
                tick={{ fontSize: 10, fill: "#475569" }}
                label={{ value: xLabel, position: "insideBottom", offset: -12, fontSize: 10, fill: "#64748b" }}
              />
              <YAxis
                width={44}
                tickLine={false}
                axisLine={false}
                allowDecimals={false}
                tick={{ fontSize: 10, fill: "#64748b" }}
                tickFormatter={(v: number) => compact.format(v)}
                label={{ value: yLabel, angle: -90, position: "insideLeft", offset: 8, fontSize: 10, fill: "#64748b", style: { textAnchor: "middle" } }}
              />
              <Tooltip
                cursor={{ fill: "#f1f5f9" }}
                contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#e2e8f0" }}
                formatter={(value) => {
                  const n = Number(value);
                  return [`${full.format(n)} (${total ? ((100 * n) / total).toFixed(1) : 0}%)`, yLabel];
                }}
                labelFormatter={(label, payload) => {
                  const hint = (payload?.[0]?.payload as Bucket | undefined)?.hint;
                  return hint ? `${label} — ${hint}` : String(label);
                }}
              />
              <Bar dataKey="count" isAnimationActive={false} radius={[2, 2, 0, 0]}>
                {data.map((d) => (
                  <Cell key={d.label} fill={d.color} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
