"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DiversityReportView } from "@/lib/diversity/types";
import { api } from "../api";
import { diversityKeys } from "./query-keys";

export function useCancelDiversityReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<{ report: DiversityReportView }>(`/api/diversity/reports/${id}/cancel`, { method: "POST" }).then((r) => r.report),
    onSuccess: () => qc.invalidateQueries({ queryKey: diversityKeys.all }),
  });
}
