/**
 * GET /api/review/:datasetId/snippet/:id?highlight=1&others=0
 *   others 1 to include other annotators' scores and notes (the disagreements view)
 * → { snippet: ReviewSnippet } (lib/labels/types.ts); 404 when the snippet is not in that dataset.
 * Any signed-in user.
 */
import { route } from "@/lib/http/route";
import { getReviewSnippet, ZGetReviewSnippet } from "@/lib/labels/get-review-snippet";
import { ZDatasetSnippetParams } from "@/lib/labels/route-params";

export const GET = route({ query: ZGetReviewSnippet }, async ({ user, query, params }) => {
  const { datasetId, id } = ZDatasetSnippetParams.parse(params);
  return { snippet: await getReviewSnippet(datasetId, id, user.id, query) };
});
