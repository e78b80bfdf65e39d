import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { analyzeSqlite, openSqlite } from "./raw";
import { dialectOf } from "./url";

/**
 * Applies prisma/migrations/<dialect>/<name>/migration.sql in name order, each in its own transaction,
 * recording them in _syllabus_migrations. Safe to run twice and, on PostgreSQL, from two processes at
 * once (advisory lock). Our own runner because `prisma migrate deploy` through the pg adapter fails
 * (Prisma #27403) and the classic engine cannot be downloaded offline.
 */
export type MigrateResult = { applied: string[]; alreadyApplied: number };

export const MIGRATIONS_ROOT = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");

type Migration = { name: string; sql: string; checksum: string };

/** The migration folders of one provider, in the order they apply. */
export function listMigrationNames(dialect: "sqlite" | "postgres", migrationsRoot = MIGRATIONS_ROOT): string[] {
  const dir = path.join(migrationsRoot, dialect);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => fs.existsSync(path.join(dir, n, "migration.sql")))
    .sort();
}

function listMigrations(dialect: "sqlite" | "postgres", migrationsRoot: string): Migration[] {
  return listMigrationNames(dialect, migrationsRoot).map((name) => {
    const sql = fs.readFileSync(path.join(migrationsRoot, dialect, name, "migration.sql"), "utf8");
    return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
  });
}

function checkDrift(m: Migration, recorded: string | undefined) {
  if (recorded && recorded !== m.checksum) {
    throw new Error(`migration ${m.name} was changed after it was applied (checksum mismatch); write a new migration instead`);
  }
}

export async function migrate(url: string, migrationsRoot = MIGRATIONS_ROOT): Promise<MigrateResult> {
  const kind = dialectOf(url);
  const migrations = listMigrations(kind, migrationsRoot);
  const applied: string[] = [];
  if (kind === "sqlite") {
    const conn = openSqlite(url);
    try {
      conn.exec(`CREATE TABLE IF NOT EXISTS _syllabus_migrations (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const done = new Map(conn.prepare(`SELECT name, checksum FROM _syllabus_migrations`).all().map((r) => {
        const row = r as { name: string; checksum: string };
        return [row.name, row.checksum] as const;
      }));
      for (const m of migrations) {
        checkDrift(m, done.get(m.name));
        if (done.has(m.name)) continue;
        // IMMEDIATE takes the write lock up front, so a concurrent runner waits instead of racing.
        conn.exec("BEGIN IMMEDIATE");
        try {
          const again = conn.prepare(`SELECT 1 FROM _syllabus_migrations WHERE name = ?`).get(m.name);
          if (!again) {
            conn.exec(m.sql);
            conn.prepare(`INSERT INTO _syllabus_migrations (name, checksum, applied_at) VALUES (?, ?, ?)`).run(m.name, m.checksum, new Date().toISOString());
            applied.push(m.name);
          }
          conn.exec("COMMIT");
        } catch (e) {
          conn.exec("ROLLBACK");
          throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
        }
      }
      if (applied.length) analyzeSqlite(conn);
      return { applied, alreadyApplied: migrations.length - applied.length };
    } finally {
      conn.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(727274)`);
    await client.query(`CREATE TABLE IF NOT EXISTS _syllabus_migrations (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM _syllabus_migrations`);
    const done = new Map(rows.map((r) => [r.name, r.checksum] as const));
    for (const m of migrations) {
      checkDrift(m, done.get(m.name));
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO _syllabus_migrations (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
        await client.query("COMMIT");
        applied.push(m.name);
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
      }
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await client.query(`SELECT pg_advisory_unlock(727274)`).catch(() => {});
    await client.end();
  }
}
