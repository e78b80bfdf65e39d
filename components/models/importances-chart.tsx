"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { FeatureImportance } from "@/lib/classifier/types";

/** Top features by impurity importance (share of the total), as horizontal bars, largest on top. */
export function ImportancesChart({ importances }: { importances: FeatureImportance[] }) {
  const height = Math.max(120, importances.length * 18 + 30);
  return (
    <figure className="min-w-0" data-testid="importances">
      <div role="img" aria-label={`Feature importances: ${importances.slice(0, 10).map((f) => `${f.name} ${(f.importance * 100).toFixed(1)}%`).join(", ")}`} style={{ height }}>
        {importances.length === 0 ? (
          <div className="flex h-full items-center justify-center rounded border border-dashed border-slate-200 text-xs text-slate-400">No importances yet</div>
        ) : (
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height }}>
            <BarChart data={importances} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
              <CartesianGrid horizontal={false} stroke="#e2e8f0" />
              <XAxis type="number" tick={{ fontSize: 10, fill: "#64748b" }} tickFormatter={(v: number) => `${(v * 100).toFixed(0)}%`} />
              <YAxis type="category" dataKey="name" width={170} interval={0} tick={{ fontSize: 10, fill: "#334155" }} />
              <Tooltip cursor={{ fill: "#f1f5f9" }} contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#e2e8f0" }} formatter={(v) => [`${(Number(v) * 100).toFixed(2)}%`, "importance"]} />
              <Bar dataKey="importance" fill="#6366f1" isAnimationActive={false} radius={[0, 2, 2, 0]} />
            </BarChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
