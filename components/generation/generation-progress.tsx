import type { GenerationCampaignView } from "@/lib/synthetic/types";
import { DoneFailedProgress } from "../ui/done-failed-progress";

/** Items finished out of the plan; failed ones count as finished (only "retry failed" sends them again). */
export function GenerationProgress({ campaign, size = "sm", testId }: { campaign: GenerationCampaignView; size?: "sm" | "lg"; testId?: string }) {
  return (
    <DoneFailedProgress
      done={campaign.done}
      failed={campaign.failed}
      total={campaign.total}
      finished={campaign.status === "succeeded"}
      label={`Generation campaign ${campaign.id} progress`}
      unit="items"
      empty="nothing yet"
      size={size}
      testId={testId}
    />
  );
}
