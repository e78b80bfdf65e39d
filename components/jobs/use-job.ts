"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api";
import { jobKeys } from "./query-keys";
import { isActive, type JobDetailPage } from "./types";

/** Log lines kept in the browser for one job; older ones drop off the top. */
const MAX_LOG_LINES = 5_000;

/**
 * One job and its log. The first fetch gets the log's tail; every poll after that asks only for lines after
 * the last one held (afterLogId) and appends them, so a long log costs nothing to follow.
 */
export function useJob(id: number) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: jobKeys.detail(id),
    queryFn: async ({ signal }) => {
      const held = qc.getQueryData<JobDetailPage>(jobKeys.detail(id));
      const lastId = held?.logs.at(-1)?.id;
      const page = await api<JobDetailPage>(`/api/jobs/${id}${lastId === undefined ? "" : `?afterLogId=${lastId}`}`, { signal });
      if (!held || lastId === undefined) return page;
      const logs = [...held.logs, ...page.logs];
      const trimmed = logs.length > MAX_LOG_LINES;
      return { ...page, logs: trimmed ? logs.slice(-MAX_LOG_LINES) : logs, earlier: held.earlier || trimmed };
    },
    retry: (n, e) => (e as { status?: number }).status !== 404 && n < 2,
    refetchInterval: (q) => (q.state.data && (isActive(q.state.data.job.status) || q.state.data.more) ? 1_000 : 5_000),
  });
}
