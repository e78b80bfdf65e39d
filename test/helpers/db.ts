import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { closeRaw } from "@/lib/db/raw";
import type { Dialect } from "@/lib/db/url";

/**
 * A fresh, migrated database for one test file: a temp SQLite file by default, or a throwaway PostgreSQL
 * database when TEST_DATABASE=postgres (server from TEST_PG_URL, default the machine's local one).
 * Sets DATABASE_URL, so lib code under test uses it exactly as in production. Never a mock.
 */
export const testDialect: Dialect = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (testDialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    await migrate(url);
    return { url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `syllabus_t_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
  await migrate(url);
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Call at the top of a test file: every test in it runs against one fresh database. */
export function useTestDatabase(): { url: () => string } {
  let current: { url: string; drop: () => Promise<void> } | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
    process.env.DATABASE_URL = current.url;
  });
  afterAll(async () => {
    await disconnectDb();
    await closeRaw();
    await current?.drop();
  });
  return { url: () => current!.url };
}
