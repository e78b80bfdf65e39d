"use client";

import { useQuery } from "@tanstack/react-query";
import type { LlmStatus } from "@/lib/llm/get-llm-status";
import { api } from "../api";
import { settingsKeys } from "./query-keys";

/** Whether an LLM endpoint is configured (any signed-in user), for "configure the LLM first" messages. */
export function useLlmStatus() {
  return useQuery({
    queryKey: settingsKeys.llmStatus(),
    queryFn: ({ signal }) => api<{ status: LlmStatus }>("/api/settings/llm/status", { signal }).then((r) => r.status),
  });
}
