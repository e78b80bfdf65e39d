"use client";

import { useQuery } from "@tanstack/react-query";
import type { ActiveModel } from "@/lib/classifier/types";
import { api } from "../api";
import { modelKeys } from "./query-keys";

/** The model whose probabilities the snippets carry (its cut greys out the low ones); null before any. */
export function useActiveModel() {
  return useQuery({
    queryKey: modelKeys.active(),
    queryFn: ({ signal }) => api<{ model: ActiveModel | null }>("/api/models/active", { signal }).then((r) => r.model),
    staleTime: 60_000,
  });
}
