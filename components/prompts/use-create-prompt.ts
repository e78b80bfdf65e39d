"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TCreatePromptVersion } from "@/lib/llm/prompts/create-prompt-version.types";
import type { PromptView } from "@/lib/llm/prompts/prompt-view";
import { api } from "../api";
import { promptKeys } from "./query-keys";

export function useCreatePrompt() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreatePromptVersion) => api<{ prompt: PromptView }>("/api/prompts", { body: input }).then((r) => r.prompt),
    onSuccess: () => qc.invalidateQueries({ queryKey: promptKeys.all }),
  });
}
