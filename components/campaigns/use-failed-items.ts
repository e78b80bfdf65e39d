"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { CampaignItemView } from "@/lib/campaigns/types";
import { api } from "../api";
import { campaignKeys } from "./query-keys";

type Page = { items: CampaignItemView[]; nextAfter: number | null };

/** Failed items page by page, for "show more" below the first page the detail route already carries. */
export function useFailedItems(id: number, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: campaignKeys.failed(id),
    queryFn: ({ pageParam, signal }) => api<Page>(`/api/campaigns/${id}/items?status=failed&limit=50${pageParam ? `&after=${pageParam}` : ""}`, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextAfter ?? undefined,
    enabled,
  });
}
