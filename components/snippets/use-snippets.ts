"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { SnippetPage } from "@/lib/snippets/types";
import { api } from "../api";
import { snippetKeys } from "./query-keys";

/** One page of the snippet table for a query string; the previous page stays on screen while the next loads. */
export function useSnippets(query: string) {
  return useQuery({
    queryKey: snippetKeys.page(query),
    queryFn: ({ signal }) => api<SnippetPage>(`/api/snippets?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
