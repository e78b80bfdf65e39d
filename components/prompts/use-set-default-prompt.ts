"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api";
import { promptKeys } from "./query-keys";

export function useSetDefaultPrompt() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (promptId: number) => api(`/api/prompts/${promptId}/default`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: promptKeys.all }),
  });
}
