"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TEstimateCampaign } from "@/lib/campaigns/estimate-campaign";
import type { CampaignEstimate } from "@/lib/campaigns/types";
import { api } from "../api";
import { campaignKeys } from "./query-keys";

/** The estimate for the form's current values; the previous one stays on screen while the next loads. */
export function useCampaignEstimate(input: TEstimateCampaign | null) {
  return useQuery<CampaignEstimate, Error>({
    queryKey: campaignKeys.estimate(input ?? { datasetId: 0 }),
    queryFn: ({ signal }) => api<{ estimate: CampaignEstimate }>("/api/campaigns/estimate", { body: input, signal }).then((r) => r.estimate),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
