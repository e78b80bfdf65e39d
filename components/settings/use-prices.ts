"use client";

import { useQuery } from "@tanstack/react-query";
import type { ModelPriceView } from "@/lib/llm/pricing/price";
import { api } from "../api";
import { settingsKeys } from "./query-keys";

export function usePrices() {
  return useQuery({
    queryKey: settingsKeys.prices(),
    queryFn: ({ signal }) => api<{ prices: ModelPriceView[] }>("/api/settings/prices", { signal }).then((r) => r.prices),
  });
}
