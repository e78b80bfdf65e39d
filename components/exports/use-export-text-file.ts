"use client";

import { useQuery } from "@tanstack/react-query";
import { fileUrl } from "./format";
import { exportKeys } from "./query-keys";

/** The text of manifest.json or README.md of a finished export, fetched when `enabled` (the view is opened). */
export function useExportTextFile(id: number, name: string, enabled: boolean) {
  return useQuery({
    queryKey: exportKeys.file(id, name),
    queryFn: async ({ signal }) => {
      const res = await fetch(fileUrl(id, name, true), { credentials: "same-origin", signal });
      if (!res.ok) throw new Error(`could not load ${name} (${res.status})`);
      return res.text();
    },
    enabled,
    staleTime: Infinity,
  });
}
