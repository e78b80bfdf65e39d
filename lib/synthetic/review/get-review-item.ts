import { notFound } from "@/lib/http/errors";
import { loadReviewItems } from "./load-review-items";
import type { ReviewItem } from "./types";

/** One synthetic item as the review page shows it, for the caller (their own decision included). */
export async function getReviewItem(snippetId: number, userId: string): Promise<ReviewItem> {
  const [item] = await loadReviewItems([snippetId], userId);
  if (!item) throw notFound(`snippet ${snippetId} is not a synthetic item`);
  return item;
}
