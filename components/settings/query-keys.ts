/** React Query keys for instance settings; invalidate through these, never with hand-written arrays. */
export const settingsKeys = {
  all: ["settings"] as const,
  llm: () => [...settingsKeys.all, "llm"] as const,
  llmStatus: () => [...settingsKeys.all, "llm-status"] as const,
  prices: () => [...settingsKeys.all, "prices"] as const,
};
