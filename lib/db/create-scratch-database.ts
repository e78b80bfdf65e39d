import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "./migrate";
import type { Dialect } from "./url";

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

/**
 * A fresh, migrated, throwaway database for tests and benchmarks: a temp SQLite file, or a new database on
 * the PostgreSQL server of `pgAdminUrl` (created and dropped through that URL's database).
 */
export async function createScratchDatabase({ dialect, pgAdminUrl, prefix }: { dialect: Dialect; pgAdminUrl: string; prefix: string }): Promise<ScratchDatabase> {
  if (dialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
    const url = `file:${path.join(dir, "db.sqlite")}`;
    await migrate(url);
    return { url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `${prefix.replace(/\W/g, "_")}_${crypto.randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: pgAdminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = pgAdminUrl.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
  await migrate(url);
  return { url, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
