"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { GenerationCampaignView } from "@/lib/synthetic/types";
import { api } from "../api";
import { generationKeys } from "./query-keys";

/** Cancel or retry-failed on one campaign; refreshes everything about campaigns. */
export function useGenerationAction(id: number, action: "cancel" | "retry-failed") {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ campaign: GenerationCampaignView }>(`/api/synthetic/campaigns/${id}/${action}`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: generationKeys.all }),
  });
}
