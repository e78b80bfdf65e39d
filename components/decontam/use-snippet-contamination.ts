"use client";

import { useQuery } from "@tanstack/react-query";
import type { SnippetContamination } from "@/lib/decontam/types";
import { api } from "../api";
import { decontamKeys } from "./query-keys";

export function useSnippetContamination(snippetId: number | null) {
  return useQuery({
    queryKey: decontamKeys.snippet(snippetId ?? 0),
    queryFn: ({ signal }) => api<SnippetContamination>(`/api/decontam/snippets/${snippetId}`, { signal }),
    enabled: snippetId !== null,
  });
}
