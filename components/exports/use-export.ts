"use client";

import { useQuery } from "@tanstack/react-query";
import type { ExportDetail } from "@/lib/export/types";
import { api } from "../api";
import { ACTIVE } from "./format";
import { exportKeys } from "./query-keys";

export function useExport(id: number) {
  return useQuery({
    queryKey: exportKeys.detail(id),
    queryFn: ({ signal }) => api<{ export: ExportDetail }>(`/api/exports/${id}`, { signal }).then((r) => r.export),
    refetchInterval: (q) => (q.state.data && ACTIVE.has(q.state.data.status) ? 1000 : false),
  });
}
