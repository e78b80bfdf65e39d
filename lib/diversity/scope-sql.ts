import { Prisma } from "@syllabus/prisma-sqlite";

/** What a report looks at: every snippet of a dataset, or the snippets one generation campaign made. */
export type DiversityScope = { datasetId: number; campaignId: number | null };

/**
 * FROM + WHERE over `snippet s` (with its synthetic item `si`, null for code snippets) for a scope, for
 * Prisma's $queryRaw. The raw-driver readers (read-scope-page.ts) spell the same conditions out.
 */
export function scopeFromSql(scope: DiversityScope): Prisma.Sql {
  return scope.campaignId === null
    ? Prisma.sql`FROM snippet s LEFT JOIN synthetic_item si ON si."snippetId" = s.id WHERE s."datasetId" = ${scope.datasetId}`
    : Prisma.sql`FROM synthetic_item si JOIN snippet s ON s.id = si."snippetId" WHERE si."campaignId" = ${scope.campaignId}`;
}
