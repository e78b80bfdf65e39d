"use client";

import { useQuery } from "@tanstack/react-query";
import type { GenerationCampaignView } from "@/lib/synthetic/types";
import { api } from "../api";
import { ACTIVE_GENERATION } from "./format";
import { generationKeys } from "./query-keys";

export function useGenerationCampaigns() {
  return useQuery({
    queryKey: generationKeys.list(),
    queryFn: ({ signal }) => api<{ campaigns: GenerationCampaignView[]; nextBefore: number | null }>("/api/synthetic/campaigns?limit=100", { signal }),
    // Poll while a campaign is queued or running, so progress and spend are live.
    refetchInterval: (q) => (q.state.data?.campaigns.some((c) => ACTIVE_GENERATION.has(c.status)) ? 1000 : false),
  });
}
