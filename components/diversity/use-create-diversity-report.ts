"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TCreateDiversityReport } from "@/lib/diversity/create-diversity-report";
import type { DiversityReportView } from "@/lib/diversity/types";
import { api } from "../api";
import { diversityKeys } from "./query-keys";

export function useCreateDiversityReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateDiversityReport) => api<{ report: DiversityReportView; jobId: number }>("/api/diversity/reports", { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: diversityKeys.all }),
  });
}
