import type { QueueProgress } from "@/lib/labels/types";

/** Where the annotator is in the queue: their labels out of the queue's scope, plus this session's count. */
export function ProgressBar({ progress, session }: { progress: QueueProgress | undefined; session: number }) {
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  // "mine" has no end; its bar shows how much of it this session revised.
  const shown = progress?.queue === "mine" ? session : done;
  const pct = total ? Math.min(100, (100 * shown) / total) : 0;
  const text =
    progress?.queue === "mine"
      ? `${total.toLocaleString()} labels of yours to revise`
      : `${done.toLocaleString()} / ${total.toLocaleString()} done · ${(progress?.remaining ?? 0).toLocaleString()} left`;
  return (
    <div className="min-w-56 flex-1" data-testid="progress">
      <div className="flex items-baseline justify-between gap-3 text-xs text-slate-600">
        <span>{progress ? text : "…"}</span>
        <span className="text-slate-500" data-testid="session-count">{session} this session</span>
      </div>
      <div
        className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-label="Queue progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={shown}
      >
        <div className="h-full rounded-full bg-indigo-600 transition-[width] duration-300" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
