/** React Query keys for datasets; invalidate through these, never with hand-written arrays. */
export const datasetKeys = {
  all: ["datasets"] as const,
  list: () => [...datasetKeys.all, "list"] as const,
  detail: (id: number) => [...datasetKeys.all, "detail", id] as const,
  languages: (id: number) => [...datasetKeys.all, "languages", id] as const,
};
