"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TUpdateDatasetBody } from "@/lib/datasets/update-dataset";
import { api } from "../api";
import { datasetKeys } from "./query-keys";

export function useUpdateDataset(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: TUpdateDatasetBody) => api(`/api/datasets/${id}`, { method: "PATCH", body: patch }),
    onSuccess: () => qc.invalidateQueries({ queryKey: datasetKeys.all }),
  });
}
