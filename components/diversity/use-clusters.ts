"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ClusterSummary } from "@/lib/diversity/list-clusters";
import { api } from "../api";
import { diversityKeys } from "./query-keys";

export const CLUSTER_PAGE = 50;

/** A page of a finished report's near-duplicate clusters, largest first. */
export function useClusters(reportId: number | undefined, offset: number) {
  return useQuery({
    queryKey: diversityKeys.clusters(reportId ?? 0, offset),
    enabled: reportId !== undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api<{ total: number; stored: number; clusters: ClusterSummary[] }>(`/api/diversity/reports/${reportId}/clusters?offset=${offset}&limit=${CLUSTER_PAGE}`, { signal }),
  });
}
