"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DatasetSummary } from "@/lib/datasets/types";
import { api } from "../api";
import { snippetKeys } from "../snippets/query-keys";
import { datasetKeys } from "./query-keys";

/** DELETE with the typed confirmation; afterwards every dataset and snippet query is stale. */
export function useDeleteDataset(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (confirm: string) => api(`/api/datasets/${id}?confirm=${encodeURIComponent(confirm)}`, { method: "DELETE" }),
    onSuccess: async () => {
      // Drop it from the cached list at once: the list page, shown next, must not flash the deleted dataset.
      qc.setQueryData<DatasetSummary[]>(datasetKeys.list(), (old) => old?.filter((d) => d.id !== id));
      qc.removeQueries({ queryKey: datasetKeys.detail(id) });
      await Promise.all([qc.invalidateQueries({ queryKey: datasetKeys.all }), qc.invalidateQueries({ queryKey: snippetKeys.all })]);
    },
  });
}
