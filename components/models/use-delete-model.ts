"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api";
import { modelKeys } from "./query-keys";

export function useDeleteModel(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ deleted: true; version: number }>(`/api/models/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: modelKeys.all }),
  });
}
