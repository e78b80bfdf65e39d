import type { Tx } from "@/lib/db/client";

/**
 * Recomputes Snippet.reviewCount from the labels themselves, inside the caller's transaction (after
 * lockSnippet). Counting instead of incrementing keeps it exact whatever happened before: an upsert that
 * changed labeled→skipped, a retried request, a label deleted by undo.
 */
export async function refreshReviewCount(tx: Tx, snippetId: number): Promise<number> {
  const rows = await tx.$queryRaw<{ reviewCount: number | bigint }[]>`
    UPDATE snippet SET "reviewCount" = (SELECT COUNT(*) FROM human_label WHERE "snippetId" = ${snippetId} AND status = 'labeled')
    WHERE id = ${snippetId} RETURNING "reviewCount"`;
  return Number(rows[0]?.reviewCount ?? 0);
}
