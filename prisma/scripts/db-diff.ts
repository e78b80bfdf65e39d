/**
 * Writes a new SQL migration for SQLite and PostgreSQL from the change between the last migrated schema
 * (prisma/migrations/schema.snapshot.prisma) and prisma/schema.prisma. Offline: `prisma migrate diff`
 * compares two datamodels and never connects. Usage: npm run db:diff -- <name>
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { postgresVariant } from "./db-generate";

const root = path.resolve(import.meta.dirname, "..", "..");
const migrationsDir = path.join(root, "prisma", "migrations");
const snapshot = path.join(migrationsDir, "schema.snapshot.prisma");
const source = path.join(root, "prisma", "schema.prisma");

function diff(from: string | null, to: string): string {
  const args = ["migrate", "diff", ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", to, "--script"];
  return execFileSync(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "postgresql://localhost:5432/unused", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_");
if (!name) {
  console.error("usage: npm run db:diff -- <migration_name>");
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-diff-"));
const current = fs.readFileSync(source, "utf8");
const previous = fs.existsSync(snapshot) ? fs.readFileSync(snapshot, "utf8") : null;
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
let wrote = false;
for (const provider of ["sqlite", "postgres"] as const) {
  const variant = (s: string) => (provider === "sqlite" ? s : postgresVariant(s));
  const toFile = path.join(tmp, `${provider}-to.prisma`);
  fs.writeFileSync(toFile, variant(current));
  let fromFile: string | null = null;
  if (previous) {
    fromFile = path.join(tmp, `${provider}-from.prisma`);
    fs.writeFileSync(fromFile, variant(previous));
  }
  const sql = diff(fromFile, toFile);
  if (/^-- This is an empty migration/m.test(sql) || !sql.trim()) continue;
  const dir = path.join(migrationsDir, provider, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
  wrote = true;
}
if (wrote) fs.writeFileSync(snapshot, current);
else console.log("schema unchanged: no migration written");
