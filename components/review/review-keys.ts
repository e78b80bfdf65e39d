import type { Queue } from "@/lib/labels/queues";

/** React Query keys of the review domain: invalidate through these, never with ad-hoc arrays. */
export const reviewKeys = {
  all: ["review"] as const,
  progress: (datasetId: number, queue: Queue) => ["review", datasetId, "progress", queue] as const,
  stats: (datasetId: number) => ["review", datasetId, "stats"] as const,
};
