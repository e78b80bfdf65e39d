import { dialect } from "@/lib/db/client";
import { pgPool, rawSqlite, sqliteWriteTransaction } from "@/lib/db/raw";
import type { DiversityScope } from "./scope-sql";

const BATCH = 5_000;

/**
 * Marks near-duplicates for export: within the scope, Snippet.nearDupOf = the cluster's representative
 * (its lowest id) for every other member, and null for every other snippet of the scope (representatives,
 * unique items, and members of clusters from an earlier report that no longer are). One transaction, so
 * export never sees a half-marked scope; a rerun writes the same values (idempotent). `members` maps
 * snippet id → representative id.
 * Returns how many are marked now and how many were marked before.
 */
export async function markNearDuplicates(scope: DiversityScope, members: ReadonlyMap<number, number>): Promise<{ marked: number; previouslyMarked: number }> {
  const ids = [...members.keys()];
  const reps = ids.map((id) => members.get(id)!);
  const inScope =
    scope.campaignId === null
      ? { sql: `"datasetId" = ?`, key: scope.datasetId }
      : { sql: `id IN (SELECT "snippetId" FROM synthetic_item WHERE "campaignId" = ?)`, key: scope.campaignId };
  if (dialect() === "postgres") {
    const client = await pgPool().connect();
    try {
      await client.query("BEGIN");
      const cleared = await client.query(`UPDATE snippet SET "nearDupOf" = NULL WHERE ${inScope.sql.replace("?", "$1")} AND "nearDupOf" IS NOT NULL`, [inScope.key]);
      let marked = 0;
      for (let k = 0; k < ids.length; k += BATCH) {
        const res = await client.query(`UPDATE snippet s SET "nearDupOf" = v.rep FROM unnest($1::int[], $2::int[]) AS v(id, rep) WHERE s.id = v.id`, [ids.slice(k, k + BATCH), reps.slice(k, k + BATCH)]);
        marked += res.rowCount ?? 0;
      }
      await client.query("COMMIT");
      return { marked, previouslyMarked: cleared.rowCount ?? 0 };
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }
  const conn = rawSqlite();
  const clear = conn.prepare(`UPDATE snippet SET "nearDupOf" = NULL WHERE ${inScope.sql} AND "nearDupOf" IS NOT NULL`);
  const set = conn.prepare(`UPDATE snippet SET "nearDupOf" = ? WHERE id = ?`);
  return sqliteWriteTransaction(conn, () => {
    const cleared = clear.run(inScope.key).changes;
    let marked = 0;
    for (let k = 0; k < ids.length; k++) marked += set.run(reps[k], ids[k]).changes;
    return { marked, previouslyMarked: cleared };
  });
}
