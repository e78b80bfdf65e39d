import fs from "node:fs";
import path from "node:path";

export type Dialect = "sqlite" | "postgres";

export const DEFAULT_DATABASE_URL = "file:./data/syllabus.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function dialectOf(url: string): Dialect {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (/^(file:|sqlite:)/i.test(url) || !/^[a-z]+:\/\//i.test(url)) return "sqlite";
  throw new Error(`DATABASE_URL must be a postgres:// URL or a SQLite file: URL, got "${url.replace(/:[^:@/]*@/, ":***@")}"`);
}

/**
 * Absolute path of a SQLite database from `file:./x.db`, `sqlite:x.db` or a bare path; creates its folder
 * unless `create` is false (a read-only check should not leave folders behind for a mistyped URL).
 */
export function sqliteFilePath(url: string, { create = true } = {}): string {
  const raw = url.replace(/^(file:|sqlite:)/i, "").replace(/\?.*$/, "");
  if (raw === ":memory:") return raw;
  const abs = path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
  if (create) fs.mkdirSync(path.dirname(abs), { recursive: true });
  return abs;
}
