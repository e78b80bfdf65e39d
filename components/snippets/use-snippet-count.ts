"use client";

import { useQuery } from "@tanstack/react-query";
import type { SnippetCountResult } from "@/lib/snippets/types";
import { api } from "../api";
import { snippetKeys } from "./query-keys";

/** Capped count for a filter set (no cursor), fetched once per filter set while paging. */
export function useSnippetCount(filters: string, enabled: boolean) {
  return useQuery({
    queryKey: snippetKeys.count(filters),
    queryFn: ({ signal }) => api<SnippetCountResult>(`/api/snippets/count?${filters}`, { signal }),
    enabled,
    staleTime: 60_000,
  });
}
