"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReviewerOption } from "@/lib/snippets/types";
import { api } from "../api";
import { snippetKeys } from "./query-keys";

/** Users who labeled in a dataset ("" = any dataset): options of the reviewer filter. */
export function useReviewers(dataset: string) {
  return useQuery({
    queryKey: snippetKeys.reviewers(dataset),
    queryFn: ({ signal }) => api<{ reviewers: ReviewerOption[] }>(`/api/snippets/reviewers?dataset=${encodeURIComponent(dataset)}`, { signal }),
    staleTime: 60_000,
  });
}
