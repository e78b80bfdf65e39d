"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api";
import { jobKeys } from "./query-keys";
import type { JobView } from "./types";

/** Puts a failed or cancelled job back in the queue. */
export function useRetryJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<{ job: JobView }>(`/api/jobs/${id}/retry`, { method: "POST" }),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.all }),
  });
}
