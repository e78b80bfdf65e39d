"use client";

import { useQuery } from "@tanstack/react-query";
import type { DatasetSummary } from "@/lib/datasets/types";
import { api } from "../api";
import { datasetKeys } from "./query-keys";

export function useDatasets() {
  return useQuery({
    queryKey: datasetKeys.list(),
    queryFn: ({ signal }) => api<{ datasets: DatasetSummary[] }>("/api/datasets", { signal }).then((r) => r.datasets),
  });
}
