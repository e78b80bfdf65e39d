"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { FlaggedSnippet } from "@/lib/decontam/types";
import { api } from "../api";
import { decontamKeys } from "./query-keys";

export type FlaggedFilters = { datasetId: number | null; benchmarkId: number | null; override: "all" | "excluded" | "overridden" };
type Page = { items: FlaggedSnippet[]; nextAfter: number | null; total: number };

/** Flagged snippets in keyset pages of 50 ("Load more" fetches the next). */
export function useFlaggedSnippets(filters: FlaggedFilters) {
  return useInfiniteQuery({
    queryKey: decontamKeys.flagged(filters),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) => {
      const q = new URLSearchParams({ limit: "50", after: String(pageParam), override: filters.override });
      if (filters.datasetId) q.set("dataset", String(filters.datasetId));
      if (filters.benchmarkId) q.set("benchmark", String(filters.benchmarkId));
      return api<Page>(`/api/decontam/flagged?${q}`, { signal });
    },
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });
}
