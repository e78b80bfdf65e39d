import type { CampaignView } from "@/lib/campaigns/types";
import { DoneFailedProgress } from "../ui/done-failed-progress";

/** Snippets finished out of the selection; failed and skipped count as finished (they will not be retried by themselves). */
export function CampaignProgress({ campaign, size = "sm", testId }: { campaign: CampaignView; size?: "sm" | "lg"; testId?: string }) {
  return (
    <DoneFailedProgress
      done={campaign.done}
      failed={campaign.failed}
      total={campaign.total}
      finished={campaign.status === "succeeded"}
      label={`Campaign ${campaign.id} progress`}
      unit="snippets"
      empty={campaign.startedAt ? "nothing selected" : "not started"}
      size={size}
      testId={testId}
    />
  );
}
