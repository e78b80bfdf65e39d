"use client";

import { useQuery } from "@tanstack/react-query";
import type { DiversityReportView } from "@/lib/diversity/types";
import { api } from "../api";
import { diversityKeys, LIVE_REPORT } from "./query-keys";

/** One report with its metrics; polls while it is queued or running. */
export function useDiversityReport(id: number | undefined) {
  return useQuery({
    queryKey: diversityKeys.report(id ?? 0),
    enabled: id !== undefined,
    queryFn: ({ signal }) => api<{ report: DiversityReportView }>(`/api/diversity/reports/${id}`, { signal }).then((r) => r.report),
    retry: (n, e) => (e as { status?: number }).status !== 404 && n < 2,
    refetchInterval: (q) => (q.state.data && LIVE_REPORT.has(q.state.data.status) ? 1000 : false),
  });
}
