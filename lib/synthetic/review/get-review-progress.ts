import { db } from "@/lib/db/client";
import { scopeWhere } from "./review-scope";
import type { ReviewProgress, ReviewScope } from "./types";

/**
 * Progress of a review scope: how many items anyone decided (approved, rejected) out of all, how many the
 * caller decided, and how many the caller's queue still holds (the status filter applies to that one).
 */
export async function getReviewProgress(scope: ReviewScope, userId: string): Promise<ReviewProgress> {
  const where = scopeWhere(scope);
  const status = scope.status && scope.status !== "all" ? { reviewStatus: scope.status } : {};
  const [groups, mine, remainingForMe] = await Promise.all([
    db().syntheticItem.groupBy({ by: ["reviewStatus"], where, _count: { _all: true } }),
    db().syntheticReview.count({ where: { userId, datasetId: scope.datasetId, snippet: { synthetic: where } } }),
    db().syntheticItem.count({ where: { ...where, ...status, snippet: { syntheticReviews: { none: { userId } } } } }),
  ]);
  const count = (s: string) => groups.find((g) => g.reviewStatus === s)?._count._all ?? 0;
  const total = groups.reduce((n, g) => n + g._count._all, 0);
  return { total, reviewed: count("approved") + count("rejected"), approved: count("approved"), rejected: count("rejected"), mine, remainingForMe };
}
