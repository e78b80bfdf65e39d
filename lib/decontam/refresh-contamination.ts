import type { Tx } from "@/lib/db/client";
import { raw, sql, type Sql } from "@/lib/snippets/sql";

/** A current match of snippet `alias`: one recorded by a run that succeeded (running, failed and cancelled runs' rows don't count). */
export function currentMatchExistsSql(alias: string): Sql {
  if (!/^[A-Za-z_]\w*$/.test(alias)) throw new Error(`not a plain SQL alias: "${alias}"`);
  return sql`EXISTS (SELECT 1 FROM decontam_match cm JOIN decontam_run cr ON cr.id = cm."runId" WHERE cm."snippetId" = ${raw(`${alias}.id`)} AND cr.status = 'succeeded')`;
}

/**
 * Makes `snippet.contaminated` say whether the snippet has a current match, for the snippets of a run's
 * scope (one dataset, or every snippet: `datasetId` null) or — after matches were deleted with a benchmark
 * or its changed items — for the snippets flagged now. Only rows whose flag changes are written. Returns
 * how many changed. Run it in the transaction that changed the matches, so the flag never disagrees with
 * them for long.
 */
export async function refreshContamination(tx: Tx, scope: { datasetId: number | null } | { flaggedOnly: true }): Promise<number> {
  const exists = currentMatchExistsSql("snippet");
  const where = "flaggedOnly" in scope ? sql`"contaminated" = TRUE` : scope.datasetId === null ? sql`1 = 1` : sql`"datasetId" = ${scope.datasetId}`;
  return tx.$executeRaw(sql`UPDATE snippet SET "contaminated" = ${exists} WHERE ${where} AND "contaminated" <> ${exists}`);
}
