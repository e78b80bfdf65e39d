import { Prisma } from "@syllabus/prisma-sqlite";
import { dialect } from "@/lib/db/client";

/** Number of probability bins below 1: bin k holds [k/100, (k+1)/100); a probability of exactly 1 gets bin 100. */
export const PROB_BINS = 100;

/**
 * floor(probability · 100) in SQL, the same on both databases (PostgreSQL's CAST rounds, SQLite's truncates).
 * The 1e-9 nudge puts 0.29 (stored as 0.28999…) in bin 29, so "bin ≥ k" means "probability ≥ k/100".
 */
export function probBinSql(prob: Prisma.Sql): Prisma.Sql {
  return dialect() === "postgres"
    ? Prisma.sql`CAST(FLOOR(${prob} * ${Prisma.raw(String(PROB_BINS))} + 1e-9) AS INTEGER)`
    : Prisma.sql`CAST(${prob} * ${Prisma.raw(String(PROB_BINS))} + 1e-9 AS INTEGER)`;
}
