import type Database from "better-sqlite3";
import { dialect } from "@/lib/db/client";
import { pgPool, rawSqlite } from "@/lib/db/raw";

export type ContentRow = { id: number; content: string };

const statements = new WeakMap<Database.Database, { all: Database.Statement; dataset: Database.Statement }>();

/**
 * The next page of snippets after id `after` (ascending), of one dataset or all, on the raw drivers: a check
 * reads every snippet's content once, in keyset pages, so memory stays bounded at any corpus size.
 */
export async function readSnippetPage(o: { after: number; datasetId: number | null; limit: number }): Promise<ContentRow[]> {
  if (dialect() === "postgres") {
    const res = await pgPool().query<ContentRow>(
      `SELECT "id", "content" FROM snippet WHERE "id" > $1 AND ($2::int IS NULL OR "datasetId" = $2) ORDER BY "id" LIMIT $3`,
      [o.after, o.datasetId, o.limit],
    );
    return res.rows;
  }
  const conn = rawSqlite();
  let st = statements.get(conn);
  if (!st) {
    st = {
      all: conn.prepare(`SELECT "id", "content" FROM snippet WHERE "id" > ? ORDER BY "id" LIMIT ?`),
      dataset: conn.prepare(`SELECT "id", "content" FROM snippet WHERE "datasetId" = ? AND "id" > ? ORDER BY "id" LIMIT ?`),
    };
    statements.set(conn, st);
  }
  return (o.datasetId === null ? st.all.all(o.after, o.limit) : st.dataset.all(o.datasetId, o.after, o.limit)) as ContentRow[];
}
