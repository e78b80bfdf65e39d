"use client";

import { useQuery } from "@tanstack/react-query";
import type { CampaignItemView, CampaignView } from "@/lib/campaigns/types";
import { api } from "../api";
import { ACTIVE } from "./format";
import { campaignKeys } from "./query-keys";

export type CampaignDetail = { campaign: CampaignView; failed: { items: CampaignItemView[]; nextAfter: number | null } };

export function useCampaign(id: number) {
  return useQuery({
    queryKey: campaignKeys.detail(id),
    queryFn: ({ signal }) => api<CampaignDetail>(`/api/campaigns/${id}`, { signal }),
    refetchInterval: (q) => (q.state.data && ACTIVE.has(q.state.data.campaign.status) ? 1000 : false),
  });
}
