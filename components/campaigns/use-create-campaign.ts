"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TCreateCampaign } from "@/lib/campaigns/create-campaign";
import type { CampaignEstimate, CampaignView } from "@/lib/campaigns/types";
import { api } from "../api";
import { campaignKeys } from "./query-keys";

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateCampaign) => api<{ campaign: CampaignView; estimate: CampaignEstimate }>("/api/campaigns", { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}
