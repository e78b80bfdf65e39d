"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api";
import { settingsKeys } from "./query-keys";

export function useDeletePrice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (model: string) => api(`/api/settings/prices?model=${encodeURIComponent(model)}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: settingsKeys.prices() }),
  });
}
