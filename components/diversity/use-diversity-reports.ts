"use client";

import { useQuery } from "@tanstack/react-query";
import type { DiversityReportListItem } from "@/lib/diversity/types";
import { api } from "../api";
import { diversityKeys, LIVE_REPORT } from "./query-keys";

/** Every report of a dataset (all scopes), newest first; polls while one is queued or running. */
export function useDiversityReports(datasetId: number | undefined) {
  return useQuery({
    queryKey: diversityKeys.reports(datasetId),
    enabled: datasetId !== undefined,
    queryFn: ({ signal }) => api<{ reports: DiversityReportListItem[] }>(`/api/diversity/reports?datasetId=${datasetId}&limit=200`, { signal }).then((r) => r.reports),
    refetchInterval: (q) => (q.state.data?.some((r) => LIVE_REPORT.has(r.status)) ? 1000 : false),
  });
}
