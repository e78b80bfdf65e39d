/**
 * Prisma takes one provider per schema. prisma/schema.prisma (SQLite) is the source; this script derives
 * prisma/generated/postgres.prisma from it and generates a client for each provider under
 * node_modules/@syllabus/. lib/db picks one at runtime from DATABASE_URL.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const source = path.join(root, "prisma", "schema.prisma");
export const postgresSchemaPath = path.join(root, "prisma", "generated", "postgres.prisma");

export function postgresVariant(schema: string): string {
  return schema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = env("DATABASE_URL")')
    .replace(/"\.\.\/node_modules\/@syllabus\/prisma-sqlite"/, "\"../../node_modules/@syllabus/prisma-postgres\"")
    .replace(/^\/\/ Source schema.*$/m, "// GENERATED from prisma/schema.prisma by prisma/scripts/db-generate.ts. Do not edit.");
}

export function writePostgresSchema(): void {
  fs.mkdirSync(path.dirname(postgresSchemaPath), { recursive: true });
  fs.writeFileSync(postgresSchemaPath, postgresVariant(fs.readFileSync(source, "utf8")));
}

function generate(schema: string): void {
  execFileSync(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate", "--schema", schema], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      // generate never connects; the postgres schema only needs a syntactically valid URL.
      DATABASE_URL: "postgresql://localhost:5432/unused",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
}

export function generateClients(): void {
  writePostgresSchema();
  generate(source);
  generate(postgresSchemaPath);
}

/**
 * `npm install <pkg>` prunes the generated clients from node_modules (npm sees them as extraneous) and
 * does not run postinstall; entry points call this so they regenerate instead of failing.
 */
export function ensureClients(): void {
  const present = ["prisma-sqlite", "prisma-postgres"].every((n) => fs.existsSync(path.join(root, "node_modules", "@syllabus", n, "index.js")));
  if (!present) {
    console.error("[db] generating Prisma clients (missing from node_modules/@syllabus)…");
    generateClients();
  }
}

if (process.argv[1] === import.meta.filename) {
  if (process.argv.includes("--if-missing")) ensureClients();
  else {
    generateClients();
    console.log("prisma clients generated: @syllabus/prisma-sqlite, @syllabus/prisma-postgres");
  }
}
