"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TTrainClassifier } from "@/lib/classifier/create-training-run";
import type { ModelView } from "@/lib/classifier/types";
import { api } from "../api";
import { modelKeys } from "./query-keys";

export function useTrainModel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TTrainClassifier) => api<{ model: ModelView; jobId: number }>("/api/models", { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: modelKeys.all }),
  });
}
