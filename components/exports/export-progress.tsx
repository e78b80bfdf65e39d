import type { ExportView } from "@/lib/export/types";
import { fmtInt } from "./format";

/** Rows written out of the selection (from the job's progress); the selection phase shows its message. */
export function ExportProgress({ exp, size = "sm", testId }: { exp: ExportView; size?: "sm" | "lg"; testId?: string }) {
  const done = exp.status === "succeeded" ? exp.rows : (exp.job?.progressDone ?? 0);
  const total = exp.status === "succeeded" ? exp.rows : (exp.job?.progressTotal ?? 0);
  const pct = exp.status === "succeeded" ? 100 : total > 0 ? Math.min(100, (100 * done) / total) : 0;
  const text =
    exp.status === "succeeded"
      ? `${fmtInt(exp.rows)} rows`
      : exp.status === "queued"
        ? "waiting for a worker"
        : exp.status === "running"
          ? total > 0
            ? `${fmtInt(done)} / ${fmtInt(total)} rows · ${Math.floor(pct)}%`
            : (exp.job?.message ?? "selecting")
          : exp.status;
  return (
    <div className={size === "lg" ? "w-full" : "w-40"}>
      <div
        className={`overflow-hidden rounded-full bg-slate-200 ${size === "lg" ? "h-2.5" : "h-1.5"}`}
        role="progressbar"
        aria-label={`Export ${exp.id} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
        aria-valuetext={text}
        data-testid={testId}
      >
        <div className={`h-full transition-[width] duration-300 ${exp.status === "failed" ? "bg-red-400" : "bg-indigo-600"}`} style={{ width: `${pct}%` }} />
      </div>
      <div className="mt-0.5 truncate text-xs tabular-nums text-slate-500">{text}</div>
    </div>
  );
}
