/**
 * GET /api/synthetic/review/progress?datasetId=&campaignId=&kind=&status= → ReviewProgress (viewer)
 *   { total, reviewed, approved, rejected, mine, remainingForMe }
 */
import { route } from "@/lib/http/route";
import { getReviewProgress } from "@/lib/synthetic/review/get-review-progress";
import { ZReviewScope } from "@/lib/synthetic/review/review-scope";

export const GET = route({ query: ZReviewScope }, async ({ query, user }) => getReviewProgress(query, user.id));
