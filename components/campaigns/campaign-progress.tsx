import type { CampaignView } from "@/lib/campaigns/types";
import { fmtInt } from "./format";

/** Items finished out of the selection; failed and skipped count as finished (they will not be retried by themselves). */
export function CampaignProgress({ campaign, size = "sm", testId }: { campaign: CampaignView; size?: "sm" | "lg"; testId?: string }) {
  const { done, total } = campaign;
  const pct = total > 0 ? Math.min(100, (100 * done) / total) : campaign.status === "succeeded" ? 100 : 0;
  const failedPct = total > 0 ? Math.min(100, (100 * campaign.failed) / total) : 0;
  return (
    <div className={size === "lg" ? "w-full" : "w-36"}>
      <div
        className={`flex overflow-hidden rounded-full bg-slate-200 ${size === "lg" ? "h-2.5" : "h-1.5"}`}
        role="progressbar"
        aria-label={`Campaign ${campaign.id} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
        aria-valuetext={`${fmtInt(done)} of ${fmtInt(total)} snippets done`}
        data-testid={testId}
      >
        <div className="h-full bg-indigo-600 transition-[width] duration-300" style={{ width: `${pct - failedPct}%` }} />
        <div className="h-full bg-red-400 transition-[width] duration-300" style={{ width: `${failedPct}%` }} />
      </div>
      <div className="mt-0.5 text-xs tabular-nums text-slate-500">
        {total > 0 ? `${fmtInt(done)} / ${fmtInt(total)} · ${Math.floor(pct)}%` : campaign.startedAt ? "nothing selected" : "not started"}
      </div>
    </div>
  );
}
