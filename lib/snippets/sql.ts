import { Prisma } from "@syllabus/prisma-sqlite";

/**
 * SQL fragments for raw queries on either database. Both generated clients accept a Sql object from
 * either runtime ($queryRaw only checks its shape), so fragments are built with one Prisma namespace and
 * each client renders its own placeholders (? or $n).
 */
export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
export const empty = Prisma.empty;
export type Sql = Prisma.Sql;

/** AND of the non-empty fragments, or TRUE. */
export function and(parts: Sql[]): Sql {
  return parts.length ? join(parts, " AND ") : sql`1 = 1`;
}

/** Raw results can hold bigint (PostgreSQL COUNT, large SQLite integers): numbers for JSON. */
export function num(v: unknown): number {
  return typeof v === "bigint" ? Number(v) : Number(v ?? 0);
}

export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}
