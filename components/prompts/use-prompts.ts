"use client";

import { useQuery } from "@tanstack/react-query";
import type { PromptView } from "@/lib/llm/prompts/prompt-view";
import { api } from "../api";
import { promptKeys } from "./query-keys";

export function usePrompts(task = "edu-score") {
  return useQuery({
    queryKey: promptKeys.list(task),
    queryFn: ({ signal }) => api<{ prompts: PromptView[] }>(`/api/prompts?task=${encodeURIComponent(task)}`, { signal }).then((r) => r.prompts),
  });
}
