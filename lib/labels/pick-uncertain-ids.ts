import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import type { PoolScope } from "./first-pool-ids";

type Int = number | bigint;
type Candidate = { id: Int; p: number; side: string };

/**
 * "uncertain" queue: snippets of the user's review pool (as in pickRandomIds) whose classifier probability
 * lies nearest the active model's cut, nearest first — where a human label teaches the next model most.
 *
 * Never a sort over the pool: two walks of the (datasetId, classifierProb, id) index outward from the cut,
 * each stopping after `limit` pool members — below it descending, at or above it ascending — then a merge
 * by distance (equal distances: the side at or above the cut first). Both walks go in one statement. A walk
 * passes over snippets that left the pool (labeled, or excluded), so its cost grows with the labels given
 * right around the cut, not with the table. Unscored snippets (classifierProb null) are not in this queue.
 */
export async function pickUncertainIds(scope: PoolScope, cut: number, limit: number): Promise<number[]> {
  const { datasetId, userId, labelsPerSnippet, exclude } = scope;
  const notExcluded = exclude.length ? Prisma.sql`AND s.id NOT IN (${Prisma.join(exclude)})` : Prisma.empty;
  // Same probe as firstPoolIds: one unique-index lookup per candidate, not an anti-join over the user's labels.
  const inPool = Prisma.sql`s."datasetId" = ${datasetId} AND s."reviewCount" < ${labelsPerSnippet} ${notExcluded}
    AND (SELECT 1 FROM human_label h WHERE h."snippetId" = s.id AND h."userId" = ${userId} LIMIT 1) IS NULL`;
  const rows = await db().$queryRaw<Candidate[]>(Prisma.sql`
    SELECT id, p, side FROM (
      SELECT s.id AS id, s."classifierProb" AS p, 'below' AS side FROM snippet s
      WHERE ${inPool} AND s."classifierProb" < ${cut}
      ORDER BY s."classifierProb" DESC, s.id DESC LIMIT ${limit}
    ) below
    UNION ALL
    SELECT id, p, side FROM (
      SELECT s.id AS id, s."classifierProb" AS p, 'above' AS side FROM snippet s
      WHERE ${inPool} AND s."classifierProb" >= ${cut}
      ORDER BY s."classifierProb" ASC, s.id ASC LIMIT ${limit}
    ) above`);
  // UNION ALL keeps each walk's rows together but promises no order: restore each side's index order.
  const below = rows.filter((r) => r.side === "below").sort((a, b) => b.p - a.p || Number(b.id) - Number(a.id));
  const above = rows.filter((r) => r.side === "above").sort((a, b) => a.p - b.p || Number(a.id) - Number(b.id));
  const picked: number[] = [];
  let i = 0;
  let j = 0;
  while (picked.length < limit && (i < below.length || j < above.length)) {
    const takeAbove = i >= below.length || (j < above.length && above[j].p - cut <= cut - below[i].p);
    picked.push(Number(takeAbove ? above[j++].id : below[i++].id));
  }
  return picked;
}
