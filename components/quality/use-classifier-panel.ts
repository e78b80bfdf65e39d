"use client";

import { useQuery } from "@tanstack/react-query";
import type { ClassifierPanel } from "@/lib/dashboards/types";
import { api } from "../api";
import { qualityKeys, scopeQuery, type QualityScope } from "./query-keys";

export function useClassifierPanel(scope: QualityScope) {
  return useQuery({
    queryKey: qualityKeys.classifier(scope),
    queryFn: ({ signal }) => api<ClassifierPanel>(`/api/dashboards/classifier?${scopeQuery({ datasetId: scope.datasetId, modelId: scope.modelId })}`, { signal }),
    // Keep the previous figures on screen while a new scope loads, instead of flashing skeletons.
    placeholderData: (prev) => prev,
  });
}
