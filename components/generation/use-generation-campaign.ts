"use client";

import { useQuery } from "@tanstack/react-query";
import type { GenerationCampaignView, GridCoverage } from "@/lib/synthetic/types";
import { api } from "../api";
import { ACTIVE_GENERATION } from "./format";
import { generationKeys } from "./query-keys";

export type GenerationCampaignDetail = { campaign: GenerationCampaignView; coverage: GridCoverage };

/** One campaign with its grid coverage; polled every second while it is queued or running. */
export function useGenerationCampaign(id: number) {
  return useQuery({
    queryKey: generationKeys.detail(id),
    queryFn: ({ signal }) => api<GenerationCampaignDetail>(`/api/synthetic/campaigns/${id}`, { signal }),
    refetchInterval: (q) => (q.state.data && ACTIVE_GENERATION.has(q.state.data.campaign.status) ? 1000 : false),
  });
}
