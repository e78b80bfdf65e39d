"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "../api";

export type ImportRow = {
  id: number;
  dataset: string;
  datasetId: number;
  fileName: string;
  format: string;
  status: "queued" | "running" | "completed" | "failed";
  bytesTotal: number;
  linesDone: number;
  inserted: number;
  duplicates: number;
  llmLabels: number;
  errorCount: number;
  fatalError: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  job: { status: string; progressDone: number; progressTotal: number; message: string; attempt: number; error: string | null } | null;
};

export const importKeys = {
  all: ["imports"] as const,
  list: () => [...importKeys.all, "list"] as const,
  detail: (id: number) => [...importKeys.all, "detail", id] as const,
};

const active = (rows?: ImportRow[]) => rows?.some((r) => r.status === "queued" || r.status === "running");

export function useImports() {
  return useQuery({
    queryKey: importKeys.list(),
    queryFn: () => api<{ imports: ImportRow[]; maxUploadBytes: number }>("/api/imports"),
    // Poll while something is importing, so progress is live.
    refetchInterval: (q) => (active(q.state.data?.imports) ? 1000 : false),
  });
}

export function useImportErrors(id: number, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: () => api<{ errors: { line: number; reason: string }[] }>(`/api/imports/${id}`),
    enabled,
  });
}
