/**
 * GET /api/review
 *   → { datasets: [{ id, name, kind, description, snippetCount, labelsPerSnippet,
 *                    progress: QueueProgress (random queue, for the caller), disagreements: number }] }
 * Types: lib/labels/types.ts (ReviewDatasetSummary). Any signed-in user.
 */
import { route } from "@/lib/http/route";
import { listReviewDatasets } from "@/lib/labels/list-review-datasets";

export const GET = route({}, async ({ user }) => ({ datasets: await listReviewDatasets(user.id) }));
