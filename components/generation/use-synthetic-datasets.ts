"use client";

import { useQuery } from "@tanstack/react-query";
import type { SyntheticDatasetView } from "@/lib/synthetic/list-synthetic-datasets";
import { api } from "../api";
import { generationKeys } from "./query-keys";

export function useSyntheticDatasets() {
  return useQuery({
    queryKey: generationKeys.datasets(),
    queryFn: ({ signal }) => api<{ datasets: SyntheticDatasetView[] }>("/api/synthetic/datasets", { signal }).then((r) => r.datasets),
  });
}
