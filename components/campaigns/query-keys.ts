import type { TEstimateCampaign } from "@/lib/campaigns/estimate-campaign";

/** React Query keys for campaigns; invalidate through these, never with hand-written arrays. */
export const campaignKeys = {
  all: ["campaigns"] as const,
  list: () => [...campaignKeys.all, "list"] as const,
  detail: (id: number) => [...campaignKeys.all, "detail", id] as const,
  failed: (id: number) => [...campaignKeys.all, "failed", id] as const,
  estimate: (input: TEstimateCampaign) => [...campaignKeys.all, "estimate", input] as const,
};
