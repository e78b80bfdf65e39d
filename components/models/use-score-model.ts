"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ScoreRunView } from "@/lib/classifier/types";
import { api } from "../api";
import { modelKeys } from "./query-keys";

/** A score run with this model over every dataset or one; `activate` also refreshes the snippets' probability. */
export function useScoreModel(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { datasetId?: number; activate: boolean }) => api<{ run: ScoreRunView; jobId: number }>(`/api/models/${id}/score`, { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: modelKeys.all }),
  });
}
