import { afterAll, beforeAll } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/create-scratch-database";
import { closeRaw } from "@/lib/db/raw";
import type { Dialect } from "@/lib/db/url";

/**
 * A fresh, migrated database for one test file: a temp SQLite file by default, or a throwaway PostgreSQL
 * database when TEST_DATABASE=postgres (server from TEST_PG_URL, default the machine's local one).
 * Sets DATABASE_URL, so lib code under test uses it exactly as in production. Never a mock.
 */
export const testDialect: Dialect = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export async function createTestDatabase(): Promise<ScratchDatabase> {
  return createScratchDatabase({ dialect: testDialect, pgAdminUrl: PG_ADMIN_URL, prefix: "syllabus_t" });
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
