import type { ModelStatus, ScoreRunStatus } from "@/lib/classifier/types";

const STYLE: Record<ModelStatus | ScoreRunStatus, string> = {
  training: "bg-sky-100 text-sky-800",
  ready: "bg-emerald-100 text-emerald-800",
  queued: "bg-slate-100 text-slate-700",
  running: "bg-sky-100 text-sky-800",
  succeeded: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  cancelled: "bg-amber-100 text-amber-900",
};

/** Status of a model version or of a score run. */
export function ModelStatusBadge({ status, testId = "model-status" }: { status: ModelStatus | ScoreRunStatus; testId?: string }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STYLE[status]}`} data-testid={testId} data-status={status}>
      {status}
    </span>
  );
}

export function ActiveBadge() {
  return <span className="rounded bg-indigo-600 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-white uppercase" data-testid="active-badge">active</span>;
}
