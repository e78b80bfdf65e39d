/**
 * POST /api/synthetic/items/:id/edits  body { baseVersion, parts: { title?, text? } | { title?, prompt?, solution?, tests? } }
 *   → 201 { item: ReviewItem } (annotator): a new version. 409 { error, details: { currentVersion } } when the item
 *   moved past baseVersion; 409 { error, details: { duplicateOf } } when the content equals another snippet's in
 *   the dataset; 400 when a required part is empty or nothing changed.
 */
import { route } from "@/lib/http/route";
import { editSyntheticItem, ZEditSyntheticItem } from "@/lib/synthetic/review/edit-synthetic-item";
import { getReviewItem } from "@/lib/synthetic/review/get-review-item";
import { ZItemParams } from "@/lib/synthetic/review/route-params";

export const POST = route({ role: "annotator", body: ZEditSyntheticItem }, async ({ params, body, user }) => {
  const { id } = ZItemParams.parse(params);
  await editSyntheticItem(id, user.id, body);
  return Response.json({ item: await getReviewItem(id, user.id) }, { status: 201 });
});
