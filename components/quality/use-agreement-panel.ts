"use client";

import { useQuery } from "@tanstack/react-query";
import type { AgreementPanel } from "@/lib/dashboards/types";
import { api } from "../api";
import { qualityKeys, scopeQuery, type QualityScope } from "./query-keys";

export function useAgreementPanel(scope: QualityScope) {
  return useQuery({
    queryKey: qualityKeys.agreement(scope),
    queryFn: ({ signal }) => api<AgreementPanel>(`/api/dashboards/agreement?${scopeQuery({ datasetId: scope.datasetId })}`, { signal }),
    // Keep the previous figures on screen while a new scope loads, instead of flashing skeletons.
    placeholderData: (prev) => prev,
  });
}
