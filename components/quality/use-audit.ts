"use client";

import { useQuery } from "@tanstack/react-query";
import type { AuditStats, AuditView } from "@/lib/audits/types";
import { api } from "../api";
import { qualityKeys } from "./query-keys";

/** One audit with its statistics (labeled items per side, precision, recall). */
export function useAudit(id: number) {
  return useQuery({
    queryKey: qualityKeys.audit(id),
    queryFn: ({ signal }) => api<{ audit: AuditView; stats: AuditStats }>(`/api/audits/${id}`, { signal }),
    staleTime: 30_000,
  });
}
