import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { getReviewProgress } from "./get-review-progress";
import { loadReviewItems } from "./load-review-items";
import { scopeWhere, ZReviewScope } from "./review-scope";
import type { NextReviewItems } from "./types";

export const ZNextReviewItems = ZReviewScope.extend({
  /** Items the client already holds (shown or prefetched), left out. */
  exclude: z
    .union([z.string(), z.array(z.number())])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return [];
      const list = Array.isArray(v) ? v : v.split(",").map((s) => Number(s.trim()));
      if (list.some((n) => !Number.isInteger(n) || n <= 0)) {
        ctx.addIssue({ code: "custom", message: "exclude must be comma-separated snippet ids" });
        return z.NEVER;
      }
      return list.slice(0, 500);
    }),
  limit: z.coerce.number().int().min(1, "limit must be 1–20").max(20, "limit must be 1–20").default(5),
});
export type TNextReviewItems = z.input<typeof ZNextReviewItems>;

/**
 * The caller's review queue: items of the scope (and status filter) they have not decided, pending items
 * first, then by id — a stable order, so a reviewer resumes where they stopped and two reviewers each see
 * every item once. Their own decisions never leave their queue through someone else's.
 */
export async function nextReviewItems(input: TNextReviewItems, userId: string): Promise<NextReviewItems> {
  const v = ZNextReviewItems.parse(input);
  if (!(await db().dataset.findUnique({ where: { id: v.datasetId }, select: { id: true } }))) throw notFound(`no dataset with id ${v.datasetId}`);
  const base = {
    ...scopeWhere(v),
    ...(v.status !== "all" ? { reviewStatus: v.status } : {}),
    ...(v.exclude.length ? { snippetId: { notIn: v.exclude } } : {}),
    snippet: { syntheticReviews: { none: { userId } } },
  };
  const pick = { select: { snippetId: true }, orderBy: { snippetId: "asc" as const }, take: v.limit };
  const pending = v.status === "all" || v.status === "pending" ? await db().syntheticItem.findMany({ ...pick, where: { ...base, reviewStatus: "pending" } }) : [];
  const others =
    pending.length < v.limit && v.status !== "pending"
      ? await db().syntheticItem.findMany({ ...pick, take: v.limit - pending.length, where: { ...base, ...(v.status === "all" ? { reviewStatus: { not: "pending" } } : {}) } })
      : [];
  const ids = [...pending, ...others].map((r) => r.snippetId);
  const [items, progress] = await Promise.all([loadReviewItems(ids, userId), getReviewProgress(v, userId)]);
  return { items, progress, exhausted: ids.length < v.limit };
}
