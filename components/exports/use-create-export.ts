"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ExportDetail, TExportSpec } from "@/lib/export/types";
import { api } from "../api";
import { exportKeys } from "./query-keys";

export function useCreateExport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (spec: TExportSpec) => api<{ export: ExportDetail }>("/api/exports", { body: spec }).then((r) => r.export),
    onSuccess: () => qc.invalidateQueries({ queryKey: exportKeys.list() }),
  });
}
