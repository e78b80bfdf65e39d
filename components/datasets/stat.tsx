/** A labeled figure with an optional secondary line, for dataset summaries. */
export function Stat({ label, value, sub, size = "sm", testId }: { label: string; value: React.ReactNode; sub?: React.ReactNode; size?: "sm" | "lg"; testId?: string }) {
  return (
    <div className="min-w-0" data-testid={testId}>
      <dt className="truncate text-[11px] font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`font-semibold tabular-nums text-slate-900 ${size === "lg" ? "text-2xl" : "text-base"}`}>{value}</dd>
      {sub && <dd className="truncate text-xs text-slate-500">{sub}</dd>}
    </div>
  );
}
