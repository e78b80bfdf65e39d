import { Prisma } from "@syllabus/prisma-sqlite";

export type AuditPoolScope = {
  /** The audit's own dataset (null: it spans every dataset). */
  audit: { id: number; datasetId: number | null };
  datasetId: number;
  userId: string;
  labelsPerSnippet: number;
};

/**
 * SQL pieces over `audit_item i` for the audit queue: the FROM … WHERE that keeps the audit's items of the
 * dataset, and two per-item columns — `mine` (1 when the user labeled or skipped it) and `labeled` (its
 * labeled human labels, i.e. the snippet's reviewCount). Both come from probes of the (snippetId, userId)
 * index of human_label rather than from the snippet row: snippet rows carry the content, so 10,000 random
 * reads of them cost ~100 ms at a million snippets, while probes for unlabeled items touch only index
 * pages. The snippet row is read only for an audit over every dataset, to keep this dataset's items.
 */
export function auditPoolSql({ audit, datasetId, userId }: AuditPoolScope) {
  const from =
    audit.datasetId === datasetId
      ? Prisma.sql`audit_item i WHERE i."auditId" = ${audit.id}`
      : Prisma.sql`audit_item i JOIN snippet s ON s.id = i."snippetId" WHERE i."auditId" = ${audit.id} AND s."datasetId" = ${datasetId}`;
  const mine = Prisma.sql`(SELECT COUNT(*) FROM human_label m WHERE m."snippetId" = i."snippetId" AND m."userId" = ${userId})`;
  const labeled = Prisma.sql`(SELECT COUNT(*) FROM human_label l WHERE l."snippetId" = i."snippetId" AND l.status = 'labeled')`;
  return { from, mine, labeled };
}
