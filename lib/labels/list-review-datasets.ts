import { db } from "@/lib/db/client";
import { queueProgress } from "./queue-progress";
import type { ReviewDatasetSummary } from "./types";

/** The /review overview: every dataset with the user's progress in the random queue and its open disagreements. */
export async function listReviewDatasets(userId: string): Promise<ReviewDatasetSummary[]> {
  const datasets = await db().dataset.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, kind: true, description: true, snippetCount: true, labelsPerSnippet: true, threshold: true },
  });
  return Promise.all(
    datasets.map(async (d) => {
      const ds = { ...d, labelsPerSnippet: Math.max(1, d.labelsPerSnippet) };
      const [progress, disagreements] = await Promise.all([
        queueProgress({ datasetId: d.id, userId, queue: "random" }, ds),
        queueProgress({ datasetId: d.id, userId, queue: "disagreements" }, ds),
      ]);
      return { id: d.id, name: d.name, kind: d.kind, description: d.description, snippetCount: d.snippetCount, labelsPerSnippet: ds.labelsPerSnippet, progress, disagreements: disagreements.remaining };
    }),
  );
}
