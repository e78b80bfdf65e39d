"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api";
import { decontamKeys } from "./query-keys";

/** Deletes a benchmark; flags and matches change with it, so everything decontamination-related refreshes. */
export function useDeleteBenchmark() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<{ id: number; name: string; items: number; unflaggedSnippets: number }>(`/api/benchmarks/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: decontamKeys.all }),
  });
}
