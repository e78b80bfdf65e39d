"use client";

import { useQuery } from "@tanstack/react-query";
import type { DatasetSummary } from "@/lib/datasets/types";
import { api } from "../api";
import { datasetKeys } from "./query-keys";

/**
 * Every dataset with its stats. Refetched whenever a page using it mounts: datasets appear and grow through
 * imports and generation that run in the worker, which no client mutation here would invalidate.
 */
export function useDatasets() {
  return useQuery({
    queryKey: datasetKeys.list(),
    refetchOnMount: "always",
    queryFn: ({ signal }) => api<{ datasets: DatasetSummary[] }>("/api/datasets", { signal }).then((r) => r.datasets),
  });
}
