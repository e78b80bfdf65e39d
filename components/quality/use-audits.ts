"use client";

import { useQuery } from "@tanstack/react-query";
import type { AuditView } from "@/lib/audits/types";
import { api } from "../api";
import { qualityKeys, scopeQuery, type QualityScope } from "./query-keys";

/** Audits of the scope's dataset and model, newest first. */
export function useAudits(scope: QualityScope) {
  return useQuery({
    queryKey: qualityKeys.audits(scope),
    queryFn: ({ signal }) => api<{ audits: AuditView[] }>(`/api/audits?${scopeQuery({ datasetId: scope.datasetId, modelId: scope.modelId })}`, { signal }).then((r) => r.audits),
  });
}
