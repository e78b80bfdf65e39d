/** React Query keys of the diversity dashboard; invalidate through these, never with hand-written arrays. */
export const diversityKeys = {
  all: ["diversity"] as const,
  reports: (datasetId: number | undefined) => [...diversityKeys.all, "reports", datasetId ?? null] as const,
  report: (id: number) => [...diversityKeys.all, "report", id] as const,
  campaigns: (datasetId: number) => [...diversityKeys.all, "campaigns", datasetId] as const,
  clusters: (reportId: number, offset: number) => [...diversityKeys.all, "clusters", reportId, offset] as const,
  cluster: (reportId: number, index: number) => [...diversityKeys.all, "cluster", reportId, index] as const,
};

/** Report statuses that will still change: poll while one is shown. */
export const LIVE_REPORT = new Set(["queued", "running"]);
