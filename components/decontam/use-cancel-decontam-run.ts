"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DecontamRunDetail } from "@/lib/decontam/types";
import { api } from "../api";
import { decontamKeys } from "./query-keys";

export function useCancelDecontamRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (runId: number) => api<{ run: DecontamRunDetail }>(`/api/decontam/runs/${runId}/cancel`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...decontamKeys.all, "runs"] }),
  });
}
