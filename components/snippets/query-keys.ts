/** React Query keys for snippets; invalidate through these, never with hand-written arrays. */
export const snippetKeys = {
  all: ["snippets"] as const,
  page: (query: string) => [...snippetKeys.all, "page", query] as const,
  count: (filters: string) => [...snippetKeys.all, "count", filters] as const,
  reviewers: (dataset: string) => [...snippetKeys.all, "reviewers", dataset] as const,
};
