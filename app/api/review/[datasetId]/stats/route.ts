/**
 * GET /api/review/:datasetId/stats
 * → { annotators: [{ userId, name, email, labeled, skipped, agreementRate, acceptedRate, meanTimeMs,
 *                    medianTimeMs, totalTimeMs, lastActive }] } (AnnotatorStat, lib/labels/types.ts)
 *   agreementRate: share of labels equal to the LLM score shown; acceptedRate: share given with Enter.
 * Any signed-in user; 404 for an unknown dataset.
 */
import { route } from "@/lib/http/route";
import { annotatorStats } from "@/lib/labels/annotator-stats";
import { getReviewDataset } from "@/lib/labels/get-review-dataset";
import { ZDatasetParams } from "@/lib/labels/route-params";

export const GET = route({}, async ({ params }) => {
  const { datasetId } = ZDatasetParams.parse(params);
  await getReviewDataset(datasetId);
  return { annotators: await annotatorStats(datasetId) };
});
