"use client";

import { useQuery } from "@tanstack/react-query";
import type { ClusterDetail } from "@/lib/diversity/get-cluster";
import { api } from "../api";
import { diversityKeys } from "./query-keys";

/** One cluster with its members' highlighted lines and differing lines. */
export function useCluster(reportId: number | undefined, index: number | null) {
  return useQuery({
    queryKey: diversityKeys.cluster(reportId ?? 0, index ?? -1),
    enabled: reportId !== undefined && index !== null,
    queryFn: ({ signal }) => api<ClusterDetail>(`/api/diversity/reports/${reportId}/clusters/${index}?limit=12`, { signal }),
  });
}
