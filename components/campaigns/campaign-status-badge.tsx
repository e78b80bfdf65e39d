import type { CampaignStatus } from "@/lib/campaigns/types";
import { StatusBadge } from "../ui/status-badge";

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <StatusBadge status={status} testId="campaign-status" />;
}
