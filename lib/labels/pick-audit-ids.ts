import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import { auditPoolSql, type AuditPoolScope } from "./audit-pool-sql";

type Int = number | bigint;

/**
 * "audit" queue: the audit's items of this dataset in their stored (shuffled) position order, restricted
 * to the user's review pool (below labelsPerSnippet, not labeled or skipped by them, not excluded) — so two
 * annotators split an audit rather than both labeling all of it. Serving in position order keeps any
 * prefix of labeled items a uniform sample of both sides.
 *
 * Two walks of the (auditId, side, position) index, one per side, each stopping after `limit` pool
 * members, merged by position: the cost grows with the items already done, not with the audit's size.
 */
export async function pickAuditIds(scope: AuditPoolScope & { exclude: readonly number[] }, limit: number): Promise<number[]> {
  const { from, mine, labeled } = auditPoolSql(scope);
  const notExcluded = scope.exclude.length ? Prisma.sql`AND i."snippetId" NOT IN (${Prisma.join(scope.exclude)})` : Prisma.empty;
  const walk = (side: string) => Prisma.sql`
    SELECT "snippetId", position FROM (
      SELECT i."snippetId", i.position FROM ${from} AND i.side = ${side} ${notExcluded}
        AND ${mine} = 0 AND ${labeled} < ${scope.labelsPerSnippet}
      ORDER BY i.position LIMIT ${limit}
    ) w`;
  const rows = await db().$queryRaw<{ snippetId: Int; position: Int }[]>(Prisma.sql`${walk("kept")} UNION ALL ${walk("rejected")}`);
  return rows
    .sort((a, b) => Number(a.position) - Number(b.position))
    .slice(0, limit)
    .map((r) => Number(r.snippetId));
}
