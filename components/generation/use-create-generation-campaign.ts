"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TGenerationCampaignInput } from "@/lib/synthetic/campaign-input";
import type { GenerationCampaignView, GenerationEstimate } from "@/lib/synthetic/types";
import { api } from "../api";
import { generationKeys } from "./query-keys";

export function useCreateGenerationCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TGenerationCampaignInput) => api<{ campaign: GenerationCampaignView; estimate: GenerationEstimate }>("/api/synthetic/campaigns", { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: generationKeys.all }),
  });
}
