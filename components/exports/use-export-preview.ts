"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ExportPreview, TExportSpec } from "@/lib/export/types";
import { api } from "../api";
import { exportKeys } from "./query-keys";

/** The preview of the builder's current spec; the previous one stays on screen while the next loads. */
export function useExportPreview(spec: TExportSpec | null) {
  return useQuery<ExportPreview, Error>({
    queryKey: exportKeys.preview(spec ?? { datasetIds: [] }),
    queryFn: ({ signal }) => api<{ preview: ExportPreview }>("/api/exports/preview", { body: spec, signal }).then((r) => r.preview),
    enabled: spec !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
