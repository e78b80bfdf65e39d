import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDatabase, testDialect } from "../helpers/db";
import { migrate } from "@/lib/db/migrate";
import { openSqlite } from "@/lib/db/raw";
import { postgresVariant } from "@/prisma/scripts/db-generate";

const root = path.resolve(import.meta.dirname, "..", "..");

describe(`migrations (${testDialect})`, () => {
  it("apply to an empty database and are a no-op the second time", async () => {
    const db = await createTestDatabase(); // applies every migration once
    try {
      const again = await migrate(db.url);
      expect(again.applied).toEqual([]);
      expect(again.alreadyApplied).toBeGreaterThan(0);
    } finally {
      await db.drop();
    }
  });

  it.skipIf(testDialect !== "sqlite")("leave SQLite planner statistics behind (new indexes need them)", async () => {
    const db = await createTestDatabase();
    try {
      const conn = openSqlite(db.url);
      const stat = conn.prepare(`SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'`).get();
      conn.close();
      expect(stat).toBeTruthy();
    } finally {
      await db.drop();
    }
  });

  it("exist for both providers with the same names", () => {
    const names = (d: string) => fs.readdirSync(path.join(root, "prisma", "migrations", d)).sort();
    expect(names("sqlite")).toEqual(names("postgres"));
  });

  it("cover the current schema (run `npm run db:diff -- <name>` after editing prisma/schema.prisma)", () => {
    // Comments do not change the database, so they are left out of the comparison.
    const models = (file: string) => fs.readFileSync(file, "utf8").split("\n").filter((l) => !l.trim().startsWith("//")).join("\n");
    expect(models(path.join(root, "prisma", "migrations", "schema.snapshot.prisma"))).toBe(models(path.join(root, "prisma", "schema.prisma")));
  });

  it("derive the PostgreSQL schema from the SQLite source", () => {
    const pg = postgresVariant(fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8"));
    expect(pg).toContain('provider = "postgresql"');
    expect(pg).toContain('env("DATABASE_URL")');
    expect(pg).toContain("@syllabus/prisma-postgres");
    expect(pg).not.toContain('"sqlite"');
  });

  it("refuse a migration edited after it was applied", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-mig-"));
    try {
      const dir = path.join(tmp, testDialect, "0001_t");
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "migration.sql"), "CREATE TABLE t1 (id INTEGER PRIMARY KEY);");
      const db = await createTestDatabase();
      try {
        await migrate(db.url, tmp);
        fs.writeFileSync(path.join(dir, "migration.sql"), "CREATE TABLE t1 (id INTEGER PRIMARY KEY, x INTEGER);");
        await expect(migrate(db.url, tmp)).rejects.toThrow(/changed after it was applied/);
      } finally {
        await db.drop();
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
