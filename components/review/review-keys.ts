import type { ReviewQueue } from "@/lib/labels/queues";

/** React Query keys of the review domain: invalidate through these, never with ad-hoc arrays. */
export const reviewKeys = {
  all: ["review"] as const,
  progress: (datasetId: number, queue: ReviewQueue, auditId: number | null = null) => ["review", datasetId, "progress", queue, auditId] as const,
  stats: (datasetId: number) => ["review", datasetId, "stats"] as const,
};
