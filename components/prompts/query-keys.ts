import type { TPreviewPrompt } from "@/lib/llm/prompts/preview-prompt";

/** React Query keys for prompt versions; invalidate through these, never with hand-written arrays. */
export const promptKeys = {
  all: ["prompts"] as const,
  list: (task: string) => [...promptKeys.all, "list", task] as const,
  preview: (input: TPreviewPrompt) => [...promptKeys.all, "preview", input] as const,
};
