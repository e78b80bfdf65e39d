import fs from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { listMigrationNames } from "../db/migrate";
import { databaseUrl, dialectOf, sqliteFilePath } from "../db/url";

const HINT = "run `npm run db:migrate` first";

/**
 * For CLI commands: null when DATABASE_URL points at a database with every migration applied, otherwise
 * what is wrong and what to run. Never creates the database (a typo in DATABASE_URL should not leave an
 * empty file behind).
 */
export async function checkDatabaseReady(url = databaseUrl()): Promise<string | null> {
  const kind = dialectOf(url);
  const expected = listMigrationNames(kind);
  let applied: string[];
  if (kind === "sqlite") {
    const file = sqliteFilePath(url, { create: false });
    if (file !== ":memory:" && !fs.existsSync(file)) return `database ${file} does not exist: ${HINT}`;
    const conn = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const table = conn.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_syllabus_migrations'`).get();
      if (!table) return `database ${file} is not set up: ${HINT}`;
      applied = conn.prepare(`SELECT name FROM _syllabus_migrations`).pluck().all() as string[];
    } finally {
      conn.close();
    }
  } else {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
    } catch (e) {
      return `cannot connect to PostgreSQL (${(e as Error).message})`;
    }
    try {
      const { rows } = await client.query<{ t: string | null }>(`SELECT to_regclass('_syllabus_migrations')::text AS t`);
      if (!rows[0]?.t) return `database is not set up: ${HINT}`;
      applied = (await client.query<{ name: string }>(`SELECT name FROM _syllabus_migrations`)).rows.map((r) => r.name);
    } finally {
      await client.end();
    }
  }
  const missing = expected.filter((m) => !applied.includes(m));
  return missing.length > 0 ? `database is missing ${missing.length} migration(s) (${missing.join(", ")}): ${HINT}` : null;
}
