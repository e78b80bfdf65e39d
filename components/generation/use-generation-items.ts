"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { GenerationItemView } from "@/lib/synthetic/types";
import { api } from "../api";
import { generationKeys } from "./query-keys";

type Page = { items: GenerationItemView[]; nextAfter: number | null; counts: Record<"pending" | "generated" | "failed", number> };

/**
 * A campaign's planned items page by page ("" = every status); refreshed with the campaign while it runs. `live`
 * is part of the key so the end of a run fetches the final state once (the last poll can precede the last items).
 */
export function useGenerationItems(id: number, status: "" | "pending" | "generated" | "failed", live: boolean) {
  return useInfiniteQuery({
    queryKey: [...generationKeys.items(id, status), live],
    queryFn: ({ pageParam, signal }) => api<Page>(`/api/synthetic/campaigns/${id}/items?limit=50${status ? `&status=${status}` : ""}${pageParam ? `&after=${pageParam}` : ""}`, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextAfter ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: live ? 2000 : false,
  });
}
