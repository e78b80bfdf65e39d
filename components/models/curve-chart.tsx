"use client";

import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type CurvePoint = { x: number; y: number; threshold: number };

/**
 * A ROC or PR curve on the unit square, with the point at the model's cut marked. The chart's figure is
 * summarized in aria-label too.
 */
export function CurveChart({ title, points, xLabel, yLabel, cut, diagonal, baseline, testId }: {
  title: string;
  points: CurvePoint[];
  xLabel: string;
  yLabel: string;
  cut: number | null;
  /** ROC: the chance diagonal. */
  diagonal?: boolean;
  /** PR: precision of a random ranking (the positive share). */
  baseline?: number;
  testId?: string;
}) {
  // The curve point whose threshold is nearest the cut (thresholds fall along the curve).
  const atCut = cut === null || points.length === 0 ? null : points.reduce((best, p) => (Math.abs(p.threshold - cut) < Math.abs(best.threshold - cut) ? p : best));
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="mb-1 text-xs font-medium text-slate-600">{title}</figcaption>
      <div role="img" aria-label={`${title}: ${points.length} points${atCut ? `; at the cut ${xLabel} ${atCut.x.toFixed(2)}, ${yLabel} ${atCut.y.toFixed(2)}` : ""}`} style={{ height: 240 }}>
        {points.length === 0 ? (
          <div className="flex h-full items-center justify-center rounded border border-dashed border-slate-200 text-xs text-slate-400">No curve yet</div>
        ) : (
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 240 }}>
            <LineChart data={points} margin={{ top: 6, right: 12, bottom: 18, left: 4 }}>
              <CartesianGrid stroke="#e2e8f0" />
              <XAxis type="number" dataKey="x" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={{ fontSize: 10, fill: "#475569" }}
                label={{ value: xLabel, position: "insideBottom", offset: -12, fontSize: 10, fill: "#64748b" }} />
              <YAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} width={36} tick={{ fontSize: 10, fill: "#64748b" }}
                label={{ value: yLabel, angle: -90, position: "insideLeft", offset: 8, fontSize: 10, fill: "#64748b", style: { textAnchor: "middle" } }} />
              {diagonal && <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#cbd5e1" strokeDasharray="4 4" />}
              {baseline !== undefined && <ReferenceLine y={baseline} stroke="#cbd5e1" strokeDasharray="4 4" />}
              <Tooltip
                contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#e2e8f0" }}
                formatter={(v) => Number(v).toFixed(3)}
                labelFormatter={(_, payload) => {
                  const p = payload?.[0]?.payload as CurvePoint | undefined;
                  return p ? `${xLabel} ${p.x.toFixed(3)} · threshold ${p.threshold.toFixed(3)}` : "";
                }}
              />
              <Line type="linear" dataKey="y" name={yLabel} stroke="#4f46e5" strokeWidth={2} dot={false} isAnimationActive={false} />
              {atCut && <ReferenceDot x={atCut.x} y={atCut.y} r={5} fill="#f59e0b" stroke="#fff" label={{ value: "cut", position: "right", fontSize: 10, fill: "#92400e" }} />}
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
