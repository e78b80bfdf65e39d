/**
 * P(high value) from the classifier as a percentage over a small bar; greyed when below the model's cut
 * (the model calls it low), "—" when the snippet is not scored yet.
 */
export function ProbBadge({ prob, cut, version, className = "" }: { prob: number | null; cut: number | null; version?: number | null; className?: string }) {
  if (prob === null) {
    return <span className={`text-xs text-slate-300 ${className}`} title="Not scored by the classifier yet" data-testid="prob-badge" data-prob="">—</span>;
  }
  const low = cut !== null && prob < cut;
  const pct = Math.round(prob * 100);
  const title = `P(high) ${(prob * 100).toFixed(1)}%${cut !== null ? ` · cut ${(cut * 100).toFixed(1)}% → ${low ? "low" : "high"}` : ""}${version ? ` · model v${version}` : ""}`;
  return (
    <span className={`inline-flex w-12 flex-col items-stretch gap-0.5 ${className}`} title={title} data-testid="prob-badge" data-prob={prob} data-low={low ? "1" : "0"}>
      <span className={`text-right text-xs tabular-nums ${low ? "text-slate-400" : "font-medium text-indigo-700"}`}>{pct}%</span>
      <span className="relative h-1 overflow-hidden rounded-full bg-slate-200" aria-hidden>
        <span className={`absolute inset-y-0 left-0 rounded-full ${low ? "bg-slate-400" : "bg-indigo-500"}`} style={{ width: `${pct}%` }} />
        {cut !== null && <span className="absolute inset-y-0 w-px bg-slate-700" style={{ left: `${cut * 100}%` }} />}
      </span>
    </span>
  );
}
