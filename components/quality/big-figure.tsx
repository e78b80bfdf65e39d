import type { Interval } from "@/lib/dashboards/types";
import { interval, pct } from "./format";

/** A headline share with its 95% Wilson interval drawn as a bar on [0, 1] and the sample behind it. */
export function BigFigure({ label, value, testId, sample, children }: { label: string; value: Interval; testId: string; sample: React.ReactNode; children?: React.ReactNode }) {
  const known = value.estimate !== null;
  return (
    <div className="min-w-0 rounded-md border border-slate-200 p-3" data-testid={testId}>
      <div className="text-xs font-medium text-slate-500">{label}</div>
      <div className="mt-0.5 text-3xl font-semibold tabular-nums text-slate-900" data-testid={`${testId}-value`}>{known ? pct(value.estimate) : "—"}</div>
      <div className="text-xs text-slate-600">{interval(value)}</div>
      <div className="relative mt-2 h-2 rounded bg-slate-100" aria-hidden>
        {known && (
          <>
            <div className="absolute h-2 rounded bg-indigo-200" style={{ left: `${value.low * 100}%`, width: `${Math.max(0.5, (value.high - value.low) * 100)}%` }} />
            <div className="absolute -top-0.5 h-3 w-0.5 bg-indigo-700" style={{ left: `${value.estimate! * 100}%` }} />
          </>
        )}
      </div>
      <div className="mt-2 text-xs text-slate-600">{sample}</div>
      {children}
    </div>
  );
}
