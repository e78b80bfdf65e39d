"use client";

import { useQuery } from "@tanstack/react-query";
import type { LanguageCount } from "@/lib/datasets/types";
import { api } from "../api";
import { datasetKeys } from "./query-keys";

/** Every language of a dataset with counts; disabled when no dataset is chosen. */
export function useDatasetLanguages(id: number | null) {
  return useQuery({
    queryKey: datasetKeys.languages(id ?? 0),
    queryFn: ({ signal }) => api<{ languages: LanguageCount[] }>(`/api/datasets/${id}/languages`, { signal }).then((r) => r.languages),
    enabled: id !== null,
    staleTime: 60_000,
  });
}
