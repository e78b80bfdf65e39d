"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api";
import { decontamKeys } from "./query-keys";

/** Save (note) or remove (null) a reviewer's override of one snippet; the detail and the flagged list refresh. */
export function useContamOverride(snippetId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (note: string | null): Promise<{ snippetId: number }> =>
      note === null
        ? api<{ snippetId: number; removed: true }>(`/api/decontam/snippets/${snippetId}/override`, { method: "DELETE" })
        : api<{ snippetId: number; note: string }>(`/api/decontam/snippets/${snippetId}/override`, { method: "PUT", body: { note } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: decontamKeys.snippet(snippetId) });
      void qc.invalidateQueries({ queryKey: [...decontamKeys.all, "flagged"] });
    },
  });
}
