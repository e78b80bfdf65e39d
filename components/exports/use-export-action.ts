"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api";
import { exportKeys } from "./query-keys";

/** Cancel (POST …/cancel) or delete (DELETE) one export; refreshes it and the list. */
export function useExportAction(id: number, action: "cancel" | "delete") {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => (action === "cancel" ? api<unknown>(`/api/exports/${id}/cancel`, { method: "POST" }) : api<unknown>(`/api/exports/${id}`, { method: "DELETE" })),
    onSuccess: () => qc.invalidateQueries({ queryKey: exportKeys.all }),
  });
}
