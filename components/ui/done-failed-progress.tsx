const integer = new Intl.NumberFormat("en");
const formatInt = (n: number) => integer.format(n);

/**
 * Progress of a run over a fixed list of items: done out of total, the failed share drawn in red inside the done
 * part (failed items count as finished: only an explicit retry sends them again). role="progressbar" with
 * aria-valuenow in percent.
 */
export function DoneFailedProgress(props: { done: number; failed: number; total: number; finished: boolean; label: string; unit: string; empty: string; size?: "sm" | "lg"; testId?: string }) {
  const { done, failed, total, size = "sm" } = props;
  const pct = total > 0 ? Math.min(100, (100 * done) / total) : props.finished ? 100 : 0;
  const failedPct = total > 0 ? Math.min(100, (100 * failed) / total) : 0;
  return (
    <div className={size === "lg" ? "w-full" : "w-36"}>
      <div
        className={`flex overflow-hidden rounded-full bg-slate-200 ${size === "lg" ? "h-2.5" : "h-1.5"}`}
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
        aria-valuetext={`${formatInt(done)} of ${formatInt(total)} ${props.unit} done`}
        data-testid={props.testId}
      >
        <div className="h-full bg-indigo-600 transition-[width] duration-300" style={{ width: `${pct - failedPct}%` }} />
        <div className="h-full bg-red-400 transition-[width] duration-300" style={{ width: `${failedPct}%` }} />
      </div>
      <div className="mt-0.5 text-xs tabular-nums text-slate-500">{total > 0 ? `${formatInt(done)} / ${formatInt(total)} · ${Math.floor(pct)}%` : props.empty}</div>
    </div>
  );
}
