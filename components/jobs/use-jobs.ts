"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "../api";
import { jobKeys } from "./query-keys";
import type { JobsPage, JobStatus } from "./types";

/** The jobs list; polls every second while any job is queued or running, every 5 s otherwise. */
export function useJobs(filter: { status?: JobStatus; limit: number }) {
  return useQuery({
    queryKey: jobKeys.list(filter),
    queryFn: ({ signal }) => {
      const q = new URLSearchParams({ limit: String(filter.limit) });
      if (filter.status) q.set("status", filter.status);
      return api<JobsPage>(`/api/jobs?${q}`, { signal });
    },
    placeholderData: (previous) => previous,
    refetchInterval: (q) => (q.state.data && q.state.data.counts.queued + q.state.data.counts.running > 0 ? 1_000 : 5_000),
  });
}
