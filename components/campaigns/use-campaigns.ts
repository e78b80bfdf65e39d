"use client";

import { useQuery } from "@tanstack/react-query";
import type { CampaignView } from "@/lib/campaigns/types";
import { api } from "../api";
import { ACTIVE } from "./format";
import { campaignKeys } from "./query-keys";

export function useCampaigns() {
  return useQuery({
    queryKey: campaignKeys.list(),
    queryFn: ({ signal }) => api<{ campaigns: CampaignView[]; nextBefore: number | null }>("/api/campaigns?limit=100", { signal }),
    // Poll while a campaign is queued or running, so progress and spend are live.
    refetchInterval: (q) => (q.state.data?.campaigns.some((c) => ACTIVE.has(c.status)) ? 1000 : false),
  });
}
