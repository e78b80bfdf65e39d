"use client";

import { useQuery } from "@tanstack/react-query";
import type { BenchmarkView } from "@/lib/decontam/types";
import { api } from "../api";
import { decontamKeys } from "./query-keys";

export function useBenchmarks() {
  return useQuery({
    queryKey: decontamKeys.benchmarks(),
    queryFn: ({ signal }) => api<{ benchmarks: BenchmarkView[] }>("/api/benchmarks", { signal }).then((r) => r.benchmarks),
  });
}
