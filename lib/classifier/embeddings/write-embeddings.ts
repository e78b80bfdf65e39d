import type Database from "better-sqlite3";
import { dialect } from "@/lib/db/client";
import { pgPool, rawSqlite, sqliteWriteTransaction } from "@/lib/db/raw";

export type EmbeddingRow = { snippetId: number; vector: Uint8Array };

const sqliteStatements = new WeakMap<Database.Database, Database.Statement>();

/**
 * Stores vectors (Float32 LE bytes) for one model in one transaction. Insert-or-ignore: a vector already
 * cached for (snippet, model) is kept, and a snippet deleted meanwhile is skipped, so a rerun or two
 * workers on the same dataset write each pair once. Returns how many rows were inserted.
 */
export async function writeEmbeddings({ model, rows }: { model: string; rows: readonly EmbeddingRow[] }): Promise<number> {
  if (rows.length === 0) return 0;
  if (dialect() === "postgres") {
    const r = await pgPool().query(
      `INSERT INTO snippet_embedding ("snippetId", "model", "dims", "vector", "createdAt")
       SELECT v."id", $1, v."dims", v."vector", (now() AT TIME ZONE 'UTC')
       FROM unnest($2::int[], $3::int[], $4::bytea[]) AS v("id", "dims", "vector")
       JOIN snippet s ON s."id" = v."id"
       ON CONFLICT ("snippetId", "model") DO NOTHING`,
      [model, rows.map((r) => r.snippetId), rows.map((r) => r.vector.byteLength / 4), rows.map((r) => Buffer.from(r.vector.buffer, r.vector.byteOffset, r.vector.byteLength))],
    );
    return r.rowCount ?? 0;
  }
  const conn = rawSqlite();
  let insert = sqliteStatements.get(conn);
  if (!insert) {
    insert = conn.prepare(
      `INSERT INTO snippet_embedding ("snippetId", "model", "dims", "vector", "createdAt")
       SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM snippet WHERE "id" = ?)
       ON CONFLICT ("snippetId", "model") DO NOTHING`,
    );
    sqliteStatements.set(conn, insert);
  }
  const statement = insert;
  return sqliteWriteTransaction(conn, () => {
    // Prisma's SQLite adapter reads DATETIME columns written as ISO-8601 text.
    const now = new Date().toISOString();
    let inserted = 0;
    for (const r of rows) inserted += statement.run(r.snippetId, model, r.vector.byteLength / 4, Buffer.from(r.vector.buffer, r.vector.byteOffset, r.vector.byteLength), now, r.snippetId).changes;
    return inserted;
  });
}
