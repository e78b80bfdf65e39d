"use client";

import { useQuery } from "@tanstack/react-query";
import type { ScopeCampaign } from "@/lib/diversity/list-scope-campaigns";
import { api } from "../api";
import { diversityKeys } from "./query-keys";

/** The dataset's generation campaigns (report scopes). */
export function useScopeCampaigns(datasetId: number | undefined) {
  return useQuery({
    queryKey: diversityKeys.campaigns(datasetId ?? 0),
    enabled: datasetId !== undefined,
    queryFn: ({ signal }) => api<{ campaigns: ScopeCampaign[] }>(`/api/diversity/campaigns?datasetId=${datasetId}`, { signal }).then((r) => r.campaigns),
  });
}
