import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, dialectOf, sqliteFilePath } from "./url";

/**
 * The raw drivers, for bulk paths (import, re-scoring) where Prisma's per-row overhead is ~100x too slow,
 * and for the migration runner. Prisma stays the API for everything else.
 */
type Cache = { sqlite?: Database.Database; pool?: pg.Pool; url?: string };
const cache = ((globalThis as { __syllabusRaw?: Cache }).__syllabusRaw ??= {});

function reset(url: string) {
  if (cache.url === url) return;
  cache.sqlite?.close();
  void cache.pool?.end();
  cache.sqlite = undefined;
  cache.pool = undefined;
  cache.url = url;
}

export function openSqlite(url: string): Database.Database {
  const conn = new Database(sqliteFilePath(url), { timeout: 15_000 });
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  conn.pragma("foreign_keys = ON");
  return conn;
}

/**
 * Refreshes SQLite's planner statistics (sampled: ~0.3 s at a million rows). The snippet table and the
 * review queues depend on them: without statistics for an index SQLite can pick a plan that sorts a
 * million rows per page. Run after migrations (new indexes) and after large imports.
 */
export function analyzeSqlite(conn: Database.Database): void {
  conn.pragma("analysis_limit = 1000");
  conn.exec("ANALYZE");
}

export function rawSqlite(): Database.Database {
  const url = databaseUrl();
  if (dialectOf(url) !== "sqlite") throw new Error("rawSqlite() called with a PostgreSQL DATABASE_URL");
  reset(url);
  return (cache.sqlite ??= openSqlite(url));
}

export function pgPool(): pg.Pool {
  const url = databaseUrl();
  if (dialectOf(url) !== "postgres") throw new Error("pgPool() called with a SQLite DATABASE_URL");
  reset(url);
  return (cache.pool ??= new pg.Pool({ connectionString: url, max: 4 }));
}

export async function closeRaw(): Promise<void> {
  cache.sqlite?.close();
  const pool = cache.pool;
  cache.sqlite = undefined;
  cache.pool = undefined;
  cache.url = undefined;
  await pool?.end();
}
