"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DecontamRunDetail } from "@/lib/decontam/types";
import { api } from "../api";
import { decontamKeys } from "./query-keys";

export type CreateDecontamRunInput = { datasetId: number | null; ngram: number; benchmarkIds: number[]; minShared: number };

export function useCreateDecontamRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateDecontamRunInput) => api<{ run: DecontamRunDetail; jobId: number }>("/api/decontam/runs", { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...decontamKeys.all, "runs"] }),
  });
}
