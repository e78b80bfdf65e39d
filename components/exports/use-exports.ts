"use client";

import { useQuery } from "@tanstack/react-query";
import type { ExportView } from "@/lib/export/types";
import { api } from "../api";
import { ACTIVE } from "./format";
import { exportKeys } from "./query-keys";

export function useExports() {
  return useQuery({
    queryKey: exportKeys.list(),
    queryFn: ({ signal }) => api<{ exports: ExportView[]; nextBefore: number | null }>("/api/exports?limit=100", { signal }),
    // Poll while an export is queued or running, so its progress is live.
    refetchInterval: (q) => (q.state.data?.exports.some((e) => ACTIVE.has(e.status)) ? 1000 : false),
  });
}
