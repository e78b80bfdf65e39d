import type Database from "better-sqlite3";
import { dialect } from "@/lib/db/client";
import { pgPool, rawSqlite } from "@/lib/db/raw";
import type { DiversityScope } from "./scope-sql";

export type ScopeItem = { id: number; content: string; kind: string | null; functionName: string | null };

const COLUMNS = `s."id" AS "id", s."content" AS "content", si."kind" AS "kind", si."functionName" AS "functionName"`;
const DATASET_SQL = `SELECT ${COLUMNS} FROM snippet s LEFT JOIN synthetic_item si ON si."snippetId" = s.id WHERE s."datasetId" = ? AND s.id > ? ORDER BY s.id LIMIT ?`;
const CAMPAIGN_SQL = `SELECT ${COLUMNS} FROM synthetic_item si JOIN snippet s ON s.id = si."snippetId" WHERE si."campaignId" = ? AND si."snippetId" > ? ORDER BY si."snippetId" LIMIT ?`;

const statements = new WeakMap<Database.Database, { dataset: Database.Statement; campaign: Database.Statement }>();

const pgText = (sql: string) => {
  let k = 0;
  return sql.replace(/\?/g, () => `$${++k}`);
};

/**
 * The next page of a scope's items with ids above `after`, ascending, on the raw drivers: a report reads
 * every item's content once (MinHash covers the whole scope), a million rows in pages of a few thousand.
 */
export async function readScopePage(scope: DiversityScope, after: number, limit: number): Promise<ScopeItem[]> {
  const campaign = scope.campaignId !== null;
  const key = campaign ? scope.campaignId! : scope.datasetId;
  if (dialect() === "postgres") {
    const res = await pgPool().query<ScopeItem>(pgText(campaign ? CAMPAIGN_SQL : DATASET_SQL), [key, after, limit]);
    return res.rows;
  }
  const conn = rawSqlite();
  let st = statements.get(conn);
  if (!st) statements.set(conn, (st = { dataset: conn.prepare(DATASET_SQL), campaign: conn.prepare(CAMPAIGN_SQL) }));
  return (campaign ? st.campaign : st.dataset).all(key, after, limit) as ScopeItem[];
}
