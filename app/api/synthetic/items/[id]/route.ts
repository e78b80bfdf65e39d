/** GET /api/synthetic/items/:id → { item: ReviewItem } (viewer); 404 when the snippet is not a synthetic item. */
import { route } from "@/lib/http/route";
import { getReviewItem } from "@/lib/synthetic/review/get-review-item";
import { ZItemParams } from "@/lib/synthetic/review/route-params";

export const GET = route({}, async ({ params, user }) => ({ item: await getReviewItem(ZItemParams.parse(params).id, user.id) }));
