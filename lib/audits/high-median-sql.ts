import { Prisma } from "@syllabus/prisma-sqlite";

/**
 * A subquery of ("snippetId", high): 1 when the median human score of the snippet is ≥ threshold, else
 * 0, for each snippet in `snippetIds` (a SELECT of snippet ids) with a labeled (not skipped) human score.
 * The median is the training rule (medianScore in lib/classifier/load-training-targets.ts: with an even
 * count, the mean of the two middle scores rounded down), decided from one GROUP BY without ranking the
 * scores: with c scores of which g are ≥ threshold, an odd c is high when g > c/2; an even c is high when
 * g > c/2, low when g < c/2, and when g = c/2 exactly (the two middle scores straddle the threshold) high
 * when the largest score below it plus the smallest at or above it reach 2 × threshold.
 */
export function highMedianSql(snippetIds: Prisma.Sql, threshold: number): Prisma.Sql {
  return Prisma.sql`
    SELECT g."snippetId",
      CASE WHEN 2 * g.above > g.c THEN 1
           WHEN 2 * g.above = g.c AND g."maxBelow" + g."minAbove" >= ${2 * threshold} THEN 1
           ELSE 0 END AS high
    FROM (
      SELECT h."snippetId", COUNT(*) AS c,
        SUM(CASE WHEN h.score >= ${threshold} THEN 1 ELSE 0 END) AS above,
        MAX(CASE WHEN h.score < ${threshold} THEN h.score END) AS "maxBelow",
        MIN(CASE WHEN h.score >= ${threshold} THEN h.score END) AS "minAbove"
      FROM human_label h
      WHERE h."snippetId" IN (${snippetIds}) AND h.status = 'labeled' AND h.score IS NOT NULL
      GROUP BY h."snippetId"
    ) g`;
}
