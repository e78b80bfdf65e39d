import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI is only used offline here (generate, migrate diff); scripts/db-migrate.ts applies
// migrations. engine "js" keeps the CLI from downloading native engines.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    fs.mkdirSync("data", { recursive: true });
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: process.env.PRISMA_CLI_SQLITE ?? "file:./data/prisma-cli.db" });
  },
});
