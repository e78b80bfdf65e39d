"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { FlipDirection, FlippedPage } from "@/lib/classifier/types";
import { api } from "../api";
import { modelKeys } from "./query-keys";

export const FLIPPED_PAGE_SIZE = 25;

/** One page of the snippets that changed class from model `from` to model `to`, after snippet id `after`. */
export function useFlipped(from: number | null, to: number | null, direction: FlipDirection, after: number) {
  return useQuery({
    queryKey: modelKeys.flipped(from ?? 0, to ?? 0, direction, after),
    queryFn: ({ signal }) => api<FlippedPage>(`/api/models/flipped?from=${from}&to=${to}&direction=${direction}&after=${after}&limit=${FLIPPED_PAGE_SIZE}`, { signal }),
    enabled: from !== null && to !== null,
    placeholderData: keepPreviousData,
  });
}
