"use client";

import { useQuery } from "@tanstack/react-query";
import type { ModelDetail } from "@/lib/classifier/types";
import { api } from "../api";
import { LIVE_RUN } from "./format";
import { modelKeys } from "./query-keys";

export function useModel(id: number) {
  return useQuery({
    queryKey: modelKeys.detail(id),
    queryFn: ({ signal }) => api<{ model: ModelDetail }>(`/api/models/${id}`, { signal }).then((r) => r.model),
    retry: (n, e) => (e as { status?: number }).status !== 404 && n < 2,
    // Poll while training or while a score run is in progress.
    refetchInterval: (q) => {
      const m = q.state.data;
      return m && (m.status === "training" || m.scoreRuns.some((r) => LIVE_RUN.has(r.status))) ? 1000 : false;
    },
  });
}
