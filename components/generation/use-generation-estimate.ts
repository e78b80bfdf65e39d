"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TGenerationCampaignInput } from "@/lib/synthetic/campaign-input";
import type { GenerationEstimate } from "@/lib/synthetic/types";
import { api } from "../api";
import { generationKeys } from "./query-keys";

/** The estimate for the form's current values; the previous one stays on screen while the next loads. */
export function useGenerationEstimate(input: TGenerationCampaignInput | null) {
  return useQuery<GenerationEstimate, Error>({
    queryKey: generationKeys.estimate(input ?? { topics: [], count: 0 }),
    queryFn: ({ signal }) => api<{ estimate: GenerationEstimate }>("/api/synthetic/campaigns/estimate", { body: input, signal }).then((r) => r.estimate),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
