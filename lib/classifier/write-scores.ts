import type Database from "better-sqlite3";
import { dialect } from "@/lib/db/client";
import { pgPool, rawSqlite, sqliteWriteTransaction } from "@/lib/db/raw";

export type ScoreBatch = {
  modelId: number;
  snippetIds: ArrayLike<number>;
  probabilities: ArrayLike<number>;
  /** Also write snippet.classifierProb (the model is, or is becoming, the active one). */
  setClassifierProb: boolean;
};

/**
 * Upserts one batch of probabilities on the raw drivers, in one transaction: one row per (snippet, model)
 * by the primary key, so a chunk that is scored again overwrites its rows instead of adding to them.
 */
export async function writeScores(batch: ScoreBatch): Promise<void> {
  if (batch.snippetIds.length === 0) return;
  if (dialect() === "postgres") await writePostgres(batch);
  else await writeSqlite(batch);
}

type SqliteStatements = { upsert: Database.Statement; setProb: Database.Statement };
const sqliteStatements = new WeakMap<Database.Database, SqliteStatements>();

function statementsFor(conn: Database.Database): SqliteStatements {
  let s = sqliteStatements.get(conn);
  if (!s) {
    s = {
      upsert: conn.prepare(
        `INSERT INTO snippet_score ("snippetId", "modelId", "probability") VALUES (?, ?, ?)
         ON CONFLICT ("snippetId", "modelId") DO UPDATE SET "probability" = excluded."probability"`,
      ),
      setProb: conn.prepare(`UPDATE snippet SET "classifierProb" = ? WHERE "id" = ?`),
    };
    sqliteStatements.set(conn, s);
  }
  return s;
}

function writeSqlite({ modelId, snippetIds, probabilities, setClassifierProb }: ScoreBatch): Promise<void> {
  const conn = rawSqlite();
  const st = statementsFor(conn);
  return sqliteWriteTransaction(conn, () => {
    for (let i = 0; i < snippetIds.length; i++) st.upsert.run(snippetIds[i], modelId, probabilities[i]);
    if (setClassifierProb) for (let i = 0; i < snippetIds.length; i++) st.setProb.run(probabilities[i], snippetIds[i]);
  });
}

async function writePostgres({ modelId, snippetIds, probabilities, setClassifierProb }: ScoreBatch): Promise<void> {
  const ids = Array.from(snippetIds);
  const probs = Array.from(probabilities);
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO snippet_score ("snippetId", "modelId", "probability")
       SELECT v.id, $1::int, v.p FROM unnest($2::int[], $3::float8[]) AS v(id, p)
       ON CONFLICT ("snippetId", "modelId") DO UPDATE SET "probability" = EXCLUDED."probability"`,
      [modelId, ids, probs],
    );
    if (setClassifierProb) {
      await client.query(`UPDATE snippet SET "classifierProb" = v.p FROM unnest($1::int[], $2::float8[]) AS v(id, p) WHERE snippet."id" = v.id`, [ids, probs]);
    }
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
