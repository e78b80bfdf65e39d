"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { PromptPreview, TPreviewPrompt } from "@/lib/llm/prompts/preview-prompt";
import { api } from "../api";
import { promptKeys } from "./query-keys";

/** The prompt as it would be sent, with its token count; `input` null while the draft is invalid. */
export function usePromptPreview(input: TPreviewPrompt | null) {
  return useQuery<PromptPreview, Error, PromptPreview, ReturnType<typeof promptKeys.preview>>({
    queryKey: promptKeys.preview(input ?? {}),
    queryFn: ({ signal }) => api<{ preview: PromptPreview }>("/api/prompts/preview", { body: input, signal }).then((r) => r.preview),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
