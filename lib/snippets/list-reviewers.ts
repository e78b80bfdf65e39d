import { z } from "zod";
import { db } from "@/lib/db/client";
import type { ReviewerOption } from "./types";

export const ZListReviewers = z.object({
  dataset: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
});
export type TListReviewers = z.input<typeof ZListReviewers>;

/** Users who labeled (not skipped) snippets, in one dataset or all, most labels first: the reviewer filter's options. */
export async function listReviewers(input: TListReviewers): Promise<ReviewerOption[]> {
  const { dataset } = ZListReviewers.parse(input);
  const groups = await db().humanLabel.groupBy({
    by: ["userId"],
    where: { status: "labeled", ...(dataset === undefined ? {} : { datasetId: dataset }) },
    _count: { _all: true },
  });
  if (!groups.length) return [];
  const users = await db().user.findMany({ where: { id: { in: groups.map((g) => g.userId) } }, select: { id: true, name: true, email: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  return groups
    .flatMap((g) => {
      const u = byId.get(g.userId);
      return u ? [{ id: u.id, name: u.name, email: u.email, count: g._count._all }] : [];
    })
    .sort((a, b) => b.count - a.count || a.email.localeCompare(b.email));
}
