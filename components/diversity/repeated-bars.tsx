"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RepeatedText } from "@/lib/diversity/top-ngrams";

const shorten = (s: string, n = 38) => (s.length > n ? s.slice(0, n - 1) + "…" : s);

/** Most repeated texts (openings, n-grams, function names) as horizontal bars of the documents they occur in. */
export function RepeatedBars({ title, items, testId, empty }: { title: string; items: RepeatedText[]; testId: string; empty: string }) {
  const data = items.map((i) => ({ ...i, label: shorten(i.text) }));
  const height = Math.max(120, 26 * data.length + 40);
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="mb-1 text-xs font-medium text-slate-600">{title}</figcaption>
      {data.length === 0 ? (
        <div className="flex h-24 items-center justify-center rounded border border-dashed border-slate-200 text-xs text-slate-400">{empty}</div>
      ) : (
        <div role="img" aria-label={`${title}: ${data.slice(0, 3).map((d) => `"${d.text}" in ${d.docs} items`).join(", ")}`} style={{ height }}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 420, height }}>
            <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 18, left: 4 }}>
              <CartesianGrid stroke="#e2e8f0" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 10, fill: "#475569" }} label={{ value: "items containing it", position: "insideBottom", offset: -10, fontSize: 10, fill: "#64748b" }} />
              <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 10, fill: "#334155", fontFamily: "var(--font-mono)" }} interval={0} />
              <Tooltip
                contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#e2e8f0", maxWidth: 420, whiteSpace: "normal" }}
                labelFormatter={(_, payload) => (payload?.[0]?.payload as RepeatedText | undefined)?.text ?? ""}
                formatter={(v, _name, item) => [`${v} items, ${(item.payload as RepeatedText).count} occurrences`, "in"]}
              />
              <Bar dataKey="docs" name="items" fill="#6366f1" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
