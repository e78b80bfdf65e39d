"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api";
import { jobKeys } from "./query-keys";
import type { JobView } from "./types";

/** Cancels a queued job at once; a running one stops at its worker's next heartbeat. */
export function useCancelJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<{ job: JobView }>(`/api/jobs/${id}/cancel`, { method: "POST" }),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.all }),
  });
}
