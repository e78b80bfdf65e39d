"use client";

import { useQuery } from "@tanstack/react-query";
import type { PrecisionPanel } from "@/lib/dashboards/types";
import { api } from "../api";
import { qualityKeys, scopeQuery, type QualityScope } from "./query-keys";

export function usePrecisionPanel(scope: QualityScope) {
  return useQuery({
    queryKey: qualityKeys.precision(scope),
    queryFn: ({ signal }) => api<PrecisionPanel>(`/api/dashboards/precision?${scopeQuery(scope)}`, { signal }),
    // Keep the previous figures on screen while a new scope loads, instead of flashing skeletons.
    placeholderData: (prev) => prev,
  });
}
