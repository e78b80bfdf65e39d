import type Database from "better-sqlite3";
import { dialect } from "@/lib/db/client";
import { pgPool, rawSqlite, sqliteWriteTransaction } from "@/lib/db/raw";

export type MatchRow = { snippetId: number; benchmarkItemId: number; method: "ngram" | "substring"; shared: number; overlap: number; evidence: string };

const statements = new WeakMap<Database.Database, { insert: Database.Statement; progress: Database.Statement }>();

/**
 * Writes one page's matches of a run and its progress (done, flagged) in one transaction on the raw
 * drivers. Upserts by (run, snippet, item), so a page written twice (two workers after a lost lease) leaves
 * one row per match.
 */
export async function writeDecontamMatches(runId: number, rows: MatchRow[], progress: { done: number; flagged: number }): Promise<void> {
  if (dialect() === "postgres") {
    const client = await pgPool().connect();
    try {
      await client.query("BEGIN");
      if (rows.length) {
        await client.query(
          `INSERT INTO decontam_match ("runId", "snippetId", "benchmarkItemId", method, shared, overlap, evidence)
           SELECT $1::int, v.s, v.b, v.m, v.n, v.o, v.e FROM unnest($2::int[], $3::int[], $4::text[], $5::int[], $6::float8[], $7::text[]) AS v(s, b, m, n, o, e)
           ON CONFLICT ("runId", "snippetId", "benchmarkItemId") DO UPDATE SET method = EXCLUDED.method, shared = EXCLUDED.shared, overlap = EXCLUDED.overlap, evidence = EXCLUDED.evidence`,
          [runId, rows.map((r) => r.snippetId), rows.map((r) => r.benchmarkItemId), rows.map((r) => r.method), rows.map((r) => r.shared), rows.map((r) => r.overlap), rows.map((r) => r.evidence)],
        );
      }
      await client.query(`UPDATE decontam_run SET done = $2, flagged = $3 WHERE id = $1`, [runId, progress.done, progress.flagged]);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
    return;
  }
  const conn = rawSqlite();
  let st = statements.get(conn);
  if (!st) {
    const insert = conn.prepare(
      `INSERT INTO decontam_match ("runId", "snippetId", "benchmarkItemId", method, shared, overlap, evidence, "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT ("runId", "snippetId", "benchmarkItemId") DO UPDATE SET method = excluded.method, shared = excluded.shared, overlap = excluded.overlap, evidence = excluded.evidence`,
    );
    st = { insert, progress: conn.prepare(`UPDATE decontam_run SET done = ?, flagged = ? WHERE id = ?`) };
    statements.set(conn, st);
  }
  const now = new Date().toISOString();
  const { insert, progress: setProgress } = st;
  await sqliteWriteTransaction(conn, () => {
    for (const r of rows) insert.run(runId, r.snippetId, r.benchmarkItemId, r.method, r.shared, r.overlap, r.evidence, now);
    setProgress.run(progress.done, progress.flagged, runId);
  });
}
