"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TUpsertPrice } from "@/lib/llm/pricing/upsert-price";
import { api } from "../api";
import { settingsKeys } from "./query-keys";

export function useSavePrice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (price: TUpsertPrice) => api("/api/settings/prices", { method: "PUT", body: price }),
    onSuccess: () => qc.invalidateQueries({ queryKey: settingsKeys.prices() }),
  });
}
