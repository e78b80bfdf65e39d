/**
 * PUT    /api/synthetic/items/:id/review  body { decision: approved|rejected, reasonCode?, note?, version?, timeSpentMs? }
 *        → { item: ReviewItem } (annotator). A rejection needs a reasonCode (incorrect, off-topic, low-quality,
 *        duplicate, unsafe, other). 409 when `version` is not the item's current version (it was edited).
 * DELETE /api/synthetic/items/:id/review → { deleted, item } (annotator): withdraw your decision.
 */
import { route } from "@/lib/http/route";
import { clearReviewDecision } from "@/lib/synthetic/review/clear-review-decision";
import { decideReviewItem, ZDecideReviewItem } from "@/lib/synthetic/review/decide-review-item";
import { getReviewItem } from "@/lib/synthetic/review/get-review-item";
import { ZItemParams } from "@/lib/synthetic/review/route-params";

export const PUT = route({ role: "annotator", body: ZDecideReviewItem }, async ({ params, body, user }) => {
  const { id } = ZItemParams.parse(params);
  await decideReviewItem(id, user.id, body);
  return { item: await getReviewItem(id, user.id) };
});

export const DELETE = route({ role: "annotator" }, async ({ params, user }) => {
  const { id } = ZItemParams.parse(params);
  const { deleted } = await clearReviewDecision(id, user.id);
  return { deleted, item: await getReviewItem(id, user.id) };
});
