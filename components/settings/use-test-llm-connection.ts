"use client";

import { useMutation } from "@tanstack/react-query";
import type { LlmConnectionResult } from "@/lib/llm/test-llm-connection";
import { api } from "../api";

export function useTestLlmConnection() {
  return useMutation({
    mutationFn: () => api<{ result: LlmConnectionResult }>("/api/settings/llm/test", { method: "POST" }).then((r) => r.result),
  });
}
