"use client";

import { useQuery } from "@tanstack/react-query";
import type { DatasetSummary } from "@/lib/datasets/types";
import { api } from "../api";
import { datasetKeys } from "./query-keys";

export function useDataset(id: number) {
  return useQuery({
    queryKey: datasetKeys.detail(id),
    queryFn: ({ signal }) => api<{ dataset: DatasetSummary }>(`/api/datasets/${id}`, { signal }).then((r) => r.dataset),
    retry: (n, e) => (e as { status?: number }).status !== 404 && n < 1,
  });
}
