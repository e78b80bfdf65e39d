import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";

export type ReviewDataset = { id: number; name: string; labelsPerSnippet: number; snippetCount: number; threshold: number };

/**
 * The dataset a review request is about, or a 404. Raw SQL here and in the other per-request reads of the
 * review path: each Prisma model query costs ~10x a raw one through the query compiler, and these run on
 * every keystroke's refill. Both drivers return typed columns (Date, boolean) for raw results.
 */
export async function getReviewDataset(datasetId: number): Promise<ReviewDataset> {
  const [ds] = await db().$queryRaw<{ id: number; name: string; labelsPerSnippet: number; snippetCount: number; threshold: number }[]>`
    SELECT id, name, "labelsPerSnippet", "snippetCount", threshold FROM dataset WHERE id = ${datasetId}`;
  if (!ds) throw notFound(`dataset ${datasetId} not found`);
  return { id: Number(ds.id), name: ds.name, labelsPerSnippet: Math.max(1, Number(ds.labelsPerSnippet)), snippetCount: Number(ds.snippetCount), threshold: Number(ds.threshold) };
}
