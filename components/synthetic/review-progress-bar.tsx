import type { ReviewProgress } from "@/lib/synthetic/review/types";

/** Reviewed / total in the scope (anyone's decisions), and how many of them are yours. */
export function ReviewProgressBar({ progress }: { progress: ReviewProgress | undefined }) {
  const total = progress?.total ?? 0;
  const reviewed = progress?.reviewed ?? 0;
  const pct = total ? Math.min(100, (100 * reviewed) / total) : 0;
  const mine = total ? Math.min(100, (100 * (progress?.mine ?? 0)) / total) : 0;
  return (
    <div className="min-w-64 flex-1" data-testid="review-progress">
      <div className="flex items-baseline justify-between gap-3 text-xs text-slate-600">
        <span data-testid="progress-reviewed">
          {progress ? `${reviewed.toLocaleString()} / ${total.toLocaleString()} reviewed · ${progress.approved.toLocaleString()} approved · ${progress.rejected.toLocaleString()} rejected` : "…"}
        </span>
        <span className="text-slate-500" data-testid="progress-mine">{progress ? `${progress.mine.toLocaleString()} by you · ${progress.remainingForMe.toLocaleString()} left for you` : ""}</span>
      </div>
      <div className="relative mt-1 h-1.5 overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-label="Review progress" aria-valuemin={0} aria-valuemax={total} aria-valuenow={reviewed}>
        <div className="absolute inset-y-0 left-0 rounded-full bg-indigo-300 transition-[width] duration-300" style={{ width: `${pct}%` }} />
        <div className="absolute inset-y-0 left-0 rounded-full bg-indigo-600 transition-[width] duration-300" style={{ width: `${mine}%` }} title="yours" />
      </div>
    </div>
  );
}
