/**
 * GET /api/review/:datasetId/progress?queue=random|stratified|uncertain|disagreements|mine|audit&auditId=
 *   auditId   required with queue=audit
 * → QueueProgress = { queue, done, total, remaining, mine: { labeled, skipped },
 *                     dataset: { snippets, complete, labelsPerSnippet } } (lib/labels/types.ts)
 * Any signed-in user; figures are the caller's.
 */
import { z } from "zod";
import { route } from "@/lib/http/route";
import { queueProgress } from "@/lib/labels/queue-progress";
import { ZReviewQueue } from "@/lib/labels/queues";
import { ZDatasetParams } from "@/lib/labels/route-params";

const ZQuery = z.object({ queue: ZReviewQueue.default("random"), auditId: z.coerce.number().int().positive().optional() });

export const GET = route({ query: ZQuery }, async ({ user, query, params }) => {
  const { datasetId } = ZDatasetParams.parse(params);
  return queueProgress({ datasetId, userId: user.id, queue: query.queue, auditId: query.auditId });
});
