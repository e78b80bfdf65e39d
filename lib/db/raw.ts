import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, dialectOf, sqliteFilePath } from "./url";

/**
 * The raw drivers, for bulk paths (import, re-scoring, campaign results) where Prisma's per-row overhead
 * is too slow, and for the migration runner. Prisma stays the API for everything else.
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

const SQLITE_BUSY_TIMEOUT_MS = 15_000;

export function openSqlite(url: string): Database.Database {
  const conn = new Database(sqliteFilePath(url), { timeout: SQLITE_BUSY_TIMEOUT_MS });
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

/**
 * Runs `fn` in an IMMEDIATE transaction on `conn`, waiting for the write lock without blocking the event
 * loop. better-sqlite3's busy timeout waits synchronously: when the lock's holder is a Prisma interactive
 * transaction of this same process (another job in the worker), that transaction cannot reach its COMMIT
 * while we wait, and the wait ends in SQLITE_BUSY after the whole timeout. So the lock is tried without
 * waiting, and tried again after short timers, for as long as the busy timeout.
 */
export async function sqliteWriteTransaction<T>(conn: Database.Database, fn: () => T): Promise<T> {
  const run = conn.transaction(fn);
  const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
  for (let waitMs = 1; ; waitMs = Math.min(waitMs * 2, 50)) {
    conn.pragma("busy_timeout = 0");
    try {
      return run.immediate();
    } catch (e) {
      if ((e as { code?: string }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw e;
    } finally {
      conn.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    }
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
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
