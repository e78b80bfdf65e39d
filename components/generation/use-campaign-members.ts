"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { CampaignMemberView } from "@/lib/synthetic/types";
import { api } from "../api";
import { generationKeys } from "./query-keys";

type Page = { items: CampaignMemberView[]; nextAfter: number | null };

/** The synthetic items of a campaign (generated and imported), page by page. */
export function useCampaignMembers(id: number, live: boolean) {
  return useInfiniteQuery({
    queryKey: generationKeys.members(id),
    queryFn: ({ pageParam, signal }) => api<Page>(`/api/synthetic/campaigns/${id}/members?limit=50${pageParam ? `&after=${pageParam}` : ""}`, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextAfter ?? undefined,
    refetchInterval: live ? 2000 : false,
  });
}
