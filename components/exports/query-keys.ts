import type { TExportSpec } from "@/lib/export/types";

/** React Query keys for exports; invalidate through these, never with hand-written arrays. */
export const exportKeys = {
  all: ["exports"] as const,
  list: () => [...exportKeys.all, "list"] as const,
  detail: (id: number) => [...exportKeys.all, "detail", id] as const,
  preview: (spec: TExportSpec) => [...exportKeys.all, "preview", spec] as const,
  file: (id: number, name: string) => [...exportKeys.all, "file", id, name] as const,
};
