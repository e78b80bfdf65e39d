"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ScoreRunView } from "@/lib/classifier/types";
import { api } from "../api";
import { modelKeys } from "./query-keys";

/** Re-scores every snippet with the model; it becomes active when the run finishes. */
export function useActivateModel(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ run: ScoreRunView; jobId: number }>(`/api/models/${id}/activate`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: modelKeys.all }),
  });
}
