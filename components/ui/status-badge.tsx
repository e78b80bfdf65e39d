/** Colour of a lifecycle status, shared by jobs, campaigns, models, score runs, reports, checks and exports. */
const STYLE: Record<string, string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-sky-100 text-sky-800",
  training: "bg-sky-100 text-sky-800",
  succeeded: "bg-emerald-100 text-emerald-800",
  completed: "bg-emerald-100 text-emerald-800",
  ready: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  cancelled: "bg-amber-100 text-amber-900",
  deleted: "bg-slate-100 text-slate-500 line-through",
};

/** A small status pill; `data-status` carries the raw status for tests and styling, `label` what reads better. */
export function StatusBadge({ status, label = status, testId }: { status: string; label?: string; testId: string }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STYLE[status] ?? STYLE.queued}`} data-testid={testId} data-status={status}>
      {label}
    </span>
  );
}
