/**
 * GET /api/synthetic/review/next?datasetId=&campaignId=&kind=textbook|exercise&status=pending|approved|rejected|all&exclude=1,2&limit=5
 *   → { items: ReviewItem[], progress: ReviewProgress, exhausted } (viewer)
 *   The caller's queue: items they have not decided, pending first, then by id. `exclude`: ids the client holds.
 */
import { route } from "@/lib/http/route";
import { nextReviewItems, ZNextReviewItems } from "@/lib/synthetic/review/next-review-items";

export const GET = route({ query: ZNextReviewItems }, async ({ query, user }) => nextReviewItems(query, user.id));
