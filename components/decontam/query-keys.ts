/** React Query keys for decontamination; invalidate through these, never with hand-written arrays. */
export const decontamKeys = {
  all: ["decontam"] as const,
  benchmarks: () => [...decontamKeys.all, "benchmarks"] as const,
  runs: (datasetId: number | null) => [...decontamKeys.all, "runs", datasetId] as const,
  flagged: (filters: { datasetId: number | null; benchmarkId: number | null; override: string }) => [...decontamKeys.all, "flagged", filters] as const,
  snippet: (id: number) => [...decontamKeys.all, "snippet", id] as const,
};
