import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@syllabus/prisma-sqlite";
import { PrismaClient as PostgresClient } from "@syllabus/prisma-postgres";
import { databaseUrl, dialectOf, sqliteFilePath, type Dialect } from "./url";

/** Both generated clients expose the same model API; the SQLite one's types stand for both. */
export type Db = SqliteClient;
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

type Cache = { db?: Db; url?: string };
// One client per process, kept on globalThis so Next.js dev reloads don't open a new pool each time.
const cache = ((globalThis as { __syllabusDb?: Cache }).__syllabusDb ??= {});

export function dialect(): Dialect {
  return dialectOf(databaseUrl());
}

export function db(): Db {
  const url = databaseUrl();
  if (cache.db && cache.url === url) return cache.db;
  cache.db =
    dialectOf(url) === "postgres"
      ? (new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) }), errorFormat: "minimal" }) as unknown as Db)
      : new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(url)}`, timeout: 15_000 }), errorFormat: "minimal" });
  cache.url = url;
  return cache.db;
}

export async function disconnectDb(): Promise<void> {
  const current = cache.db;
  cache.db = undefined;
  cache.url = undefined;
  await current?.$disconnect();
}
