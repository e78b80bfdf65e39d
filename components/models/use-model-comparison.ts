"use client";

import { useQuery } from "@tanstack/react-query";
import type { ModelComparison } from "@/lib/classifier/types";
import { api } from "../api";
import { modelKeys } from "./query-keys";

/** How model `to` classifies the snippets both scored, against model `from`; off while either is unset. */
export function useModelComparison(from: number | null, to: number | null) {
  return useQuery({
    queryKey: modelKeys.compare(from ?? 0, to ?? 0),
    queryFn: ({ signal }) => api<ModelComparison>(`/api/models/compare?from=${from}&to=${to}`, { signal }),
    enabled: from !== null && to !== null,
  });
}
