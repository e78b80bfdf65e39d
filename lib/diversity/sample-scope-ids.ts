import { Prisma } from "@syllabus/prisma-sqlite";
import { randomRankSql } from "@/lib/campaigns/selection-sql";
import { db } from "@/lib/db/client";
import { scopeFromSql, type DiversityScope } from "./scope-sql";

/**
 * A seeded uniform sample of the scope's snippet ids (the lowest ranks of the integer hash that SQLite and
 * PostgreSQL compute identically), and the scope's size. The same seed gives the same sample on both
 * databases and on every run.
 */
export async function sampleScopeIds(scope: DiversityScope, size: number, seed: number): Promise<{ ids: number[]; total: number }> {
  const from = scopeFromSql(scope);
  const [count] = await db().$queryRaw<{ n: bigint | number }[]>(Prisma.sql`SELECT COUNT(*) AS n ${from}`);
  const rows = await db().$queryRaw<{ id: number }[]>(
    Prisma.sql`SELECT s.id AS id ${from} ORDER BY ${randomRankSql(Prisma.sql`s.id`, seed)}, s.id LIMIT ${Prisma.raw(String(Math.trunc(size)))}`,
  );
  return { ids: rows.map((r) => Number(r.id)).sort((a, b) => a - b), total: Number(count.n) };
}
