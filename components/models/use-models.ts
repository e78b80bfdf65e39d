"use client";

import { useQuery } from "@tanstack/react-query";
import type { ModelView } from "@/lib/classifier/types";
import { api } from "../api";
import { modelKeys } from "./query-keys";

export function useModels() {
  return useQuery({
    queryKey: modelKeys.list(),
    queryFn: ({ signal }) => api<{ models: ModelView[] }>("/api/models", { signal }).then((r) => r.models),
    // Poll while a model trains or re-scores (activation follows training), so progress is live.
    refetchInterval: (q) => (q.state.data?.some((m) => m.status === "training" || m.liveRun) ? 1000 : false),
  });
}
