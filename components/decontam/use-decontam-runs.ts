"use client";

import { useQuery } from "@tanstack/react-query";
import type { DecontamRunView } from "@/lib/decontam/types";
import { api } from "../api";
import { decontamKeys } from "./query-keys";

const live = (runs?: DecontamRunView[]) => runs?.some((r) => r.status === "queued" || r.status === "running");

/** Recent runs (of one dataset and of every dataset, or all), polled every second while one is queued or running. */
export function useDecontamRuns(datasetId: number | null) {
  return useQuery({
    queryKey: decontamKeys.runs(datasetId),
    queryFn: ({ signal }) => api<{ runs: DecontamRunView[] }>(`/api/decontam/runs?limit=20${datasetId ? `&dataset=${datasetId}` : ""}`, { signal }).then((r) => r.runs),
    refetchInterval: (q) => (live(q.state.data) ? 1000 : false),
  });
}
