import { Prisma } from "@syllabus/prisma-sqlite";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { auditPoolSql } from "./audit-pool-sql";
import { getReviewAudit } from "./get-review-audit";
import { getReviewDataset, type ReviewDataset } from "./get-review-dataset";
import { ZReviewQueue } from "./queues";
import type { QueueProgress } from "./types";

export const ZQueueProgress = z.object({
  datasetId: z.coerce.number().int().positive(),
  userId: z.string().min(1),
  queue: ZReviewQueue.default("random"),
  /** "audit" queue: the audit (required; it must cover the dataset). */
  auditId: z.coerce.number().int().positive().optional(),
});
export type TQueueProgress = z.input<typeof ZQueueProgress>;

const n = (v: unknown) => Number(v ?? 0);

/**
 * Where the user stands in a queue. For random/stratified/uncertain the scope is "my work on this dataset":
 * done = my labels and skips; remaining = snippets still below labelsPerSnippet that I have not touched.
 * Counted without scanning the snippet table: snippets below the target = snippetCount − complete, and
 * complete (reviewCount ≥ labelsPerSnippet) is a short range on the (datasetId, reviewCount) index.
 * For disagreements: contested snippets (someone else's score ≠ the LLM score they were shown), done =
 * those I labeled.
 * For mine: total = my labels; done counts nothing (revising has no end).
 */
export async function queueProgress(input: TQueueProgress, dataset?: ReviewDataset, audit?: { id: number; datasetId: number | null }): Promise<QueueProgress> {
  const { datasetId, userId, queue, auditId } = ZQueueProgress.parse(input);
  const ds = dataset ?? (await getReviewDataset(datasetId));
  const L = ds.labelsPerSnippet;
  const [mineByStatus, completeRows, openRows] = await Promise.all([
    db().$queryRaw<{ status: string; n: number | bigint }[]>`
      SELECT status, COUNT(*) AS n FROM human_label WHERE "userId" = ${userId} AND "datasetId" = ${datasetId} GROUP BY status`,
    db().$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM snippet WHERE "datasetId" = ${datasetId} AND "reviewCount" >= ${L}`,
    // My labels on snippets still below the target: in the pool, but not in *my* pool. With one label
    // per snippet only my skips can be such (my own label makes reviewCount ≥ 1), which spares a join
    // per label.
    db().$queryRaw<{ n: number | bigint }[]>(Prisma.sql`
      SELECT COUNT(*) AS n FROM human_label h JOIN snippet s ON s.id = h."snippetId"
      WHERE h."userId" = ${userId} AND h."datasetId" = ${datasetId} ${L === 1 ? Prisma.sql`AND h.status = 'skipped'` : Prisma.empty}
        AND s."reviewCount" < ${L}`),
  ]);
  const labeled = n(mineByStatus.find((g) => g.status === "labeled")?.n);
  const skipped = n(mineByStatus.find((g) => g.status === "skipped")?.n);
  const complete = n(completeRows[0]?.n);
  const base = { queue, mine: { labeled, skipped }, dataset: { snippets: ds.snippetCount, complete, labelsPerSnippet: L } };

  if (queue === "random" || queue === "stratified" || queue === "uncertain") {
    const done = labeled + skipped;
    const remaining = Math.max(0, ds.snippetCount - complete - n(openRows[0]?.n));
    return { ...base, done, remaining, total: done + remaining };
  }
  if (queue === "audit") {
    // The audit's items of this dataset: done = those I labeled or skipped; remaining = those still in my
    // pool (as pickAuditIds serves them). Items others completed are in neither.
    const { from, mine, labeled } = auditPoolSql({ audit: audit ?? (await getReviewAudit(auditId, datasetId)), datasetId, userId, labelsPerSnippet: L });
    const [row] = await db().$queryRaw<{ done: number | bigint | null; remaining: number | bigint | null }[]>(Prisma.sql`
      SELECT SUM(CASE WHEN p.mine > 0 THEN 1 ELSE 0 END) AS done,
        SUM(CASE WHEN p.mine = 0 AND p.labeled < ${L} THEN 1 ELSE 0 END) AS remaining
      FROM (SELECT ${mine} AS mine, ${labeled} AS labeled FROM ${from}) p`);
    const done = n(row?.done);
    const remaining = n(row?.remaining);
    return { ...base, done, remaining, total: done + remaining };
  }
  if (queue === "mine") return { ...base, done: 0, remaining: labeled + skipped, total: labeled + skipped };
  const rows = await db().$queryRaw<{ total: number | bigint; done: number | bigint | null }[]>(Prisma.sql`
    SELECT COUNT(*) AS total,
      SUM(CASE WHEN EXISTS (SELECT 1 FROM human_label m WHERE m."snippetId" = d."snippetId" AND m."userId" = ${userId}) THEN 1 ELSE 0 END) AS done
    FROM (
      SELECT DISTINCT h."snippetId" FROM human_label h
      WHERE h."datasetId" = ${datasetId} AND h.status = 'labeled' AND h."userId" <> ${userId} AND h.score <> h."llmScore"
    ) d`);
  const total = n(rows[0]?.total);
  const done = n(rows[0]?.done);
  return { ...base, done, remaining: total - done, total };
}
