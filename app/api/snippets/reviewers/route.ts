/**
 * GET /api/snippets/reviewers?dataset=<id> — users who labeled snippets (in that dataset, or in any when
 * dataset is omitted), most labels first (role: viewer). Options for the snippet table's reviewer filter.
 *   200 { reviewers: [{ id, name, email, count }] }
 */
import { route } from "@/lib/http/route";
import { listReviewers, ZListReviewers } from "@/lib/snippets/list-reviewers";

export const GET = route({ query: ZListReviewers }, async ({ query }) => ({ reviewers: await listReviewers(query) }));
