"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CampaignView } from "@/lib/campaigns/types";
import { api } from "../api";
import { campaignKeys } from "./query-keys";

/** Cancel or retry-failed on one campaign; refreshes its detail, failed items and the list. */
export function useCampaignAction(id: number, action: "cancel" | "retry-failed") {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ campaign: CampaignView }>(`/api/campaigns/${id}/${action}`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}
