/** React Query keys for jobs; invalidate through these, never with hand-written arrays. */
export const jobKeys = {
  all: ["jobs"] as const,
  list: (filter: { status?: string; limit: number }) => [...jobKeys.all, "list", filter] as const,
  detail: (id: number) => [...jobKeys.all, "detail", id] as const,
};
