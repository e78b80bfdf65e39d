import type Database from "better-sqlite3";
import { dialect } from "@/lib/db/client";
import { pgPool, rawSqlite } from "@/lib/db/raw";

export type ChunkSnippet = { id: number; content: string; language: string; path: string | null };

const sqliteStatements = new WeakMap<Database.Database, { all: Database.Statement; dataset: Database.Statement }>();

/**
 * The next page of a chunk's snippets: ids in (after, toId], of one dataset or all, ascending. On the raw
 * drivers: a re-scoring run reads every snippet's content once.
 */
export async function readChunkSnippets(o: { after: number; toId: number; datasetId: number | null; limit: number }): Promise<ChunkSnippet[]> {
  if (dialect() === "postgres") {
    const res = await pgPool().query<ChunkSnippet>(
      `SELECT "id", "content", "language", "path" FROM snippet WHERE "id" > $1 AND "id" <= $2 AND ($3::int IS NULL OR "datasetId" = $3) ORDER BY "id" LIMIT $4`,
      [o.after, o.toId, o.datasetId, o.limit],
    );
    return res.rows;
  }
  const conn = rawSqlite();
  let st = sqliteStatements.get(conn);
  if (!st) {
    st = {
      all: conn.prepare(`SELECT "id", "content", "language", "path" FROM snippet WHERE "id" > ? AND "id" <= ? ORDER BY "id" LIMIT ?`),
      dataset: conn.prepare(`SELECT "id", "content", "language", "path" FROM snippet WHERE "datasetId" = ? AND "id" > ? AND "id" <= ? ORDER BY "id" LIMIT ?`),
    };
    sqliteStatements.set(conn, st);
  }
  return (o.datasetId === null ? st.all.all(o.after, o.toId, o.limit) : st.dataset.all(o.datasetId, o.after, o.toId, o.limit)) as ChunkSnippet[];
}
