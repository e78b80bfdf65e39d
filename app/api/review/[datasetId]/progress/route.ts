/**
 * GET /api/review/:datasetId/progress?queue=random|stratified|uncertain|disagreements|mine
 * → QueueProgress = { queue, done, total, remaining, mine: { labeled, skipped },
 *                     dataset: { snippets, complete, labelsPerSnippet } } (lib/labels/types.ts)
 * Any signed-in user; figures are the caller's.
 */
import { z } from "zod";
import { route } from "@/lib/http/route";
import { queueProgress } from "@/lib/labels/queue-progress";
import { ZQueue } from "@/lib/labels/queues";
import { ZDatasetParams } from "@/lib/labels/route-params";

export const GET = route({ query: z.object({ queue: ZQueue.default("random") }) }, async ({ user, query, params }) => {
  const { datasetId } = ZDatasetParams.parse(params);
  return queueProgress({ datasetId, userId: user.id, queue: query.queue });
});
