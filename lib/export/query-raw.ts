import type { Prisma } from "@syllabus/prisma-sqlite";
import { dialect } from "@/lib/db/client";
import { pgPool, rawSqlite } from "@/lib/db/raw";

/**
 * Runs a Prisma.sql query on the raw driver of the current database: the export's bulk reads (a million
 * ids, pages of content) skip Prisma's per-row cost. Prisma.Sql renders both placeholder styles (`?` for
 * SQLite, `$n` for PostgreSQL), so one query text serves both. Numbers come back as numbers on SQLite and
 * as strings for PostgreSQL bigint/numeric aggregates: callers wrap aggregates in Number().
 */
export async function queryRaw<T>(sql: Prisma.Sql): Promise<T[]> {
  if (dialect() === "postgres") return (await pgPool().query(sql.text, sql.values as unknown[])).rows as T[];
  return rawSqlite().prepare(sql.sql).all(...(sql.values as unknown[])) as T[];
}
