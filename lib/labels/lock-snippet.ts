import { Prisma } from "@syllabus/prisma-sqlite";
import { dialect, type Tx } from "@/lib/db/client";

/**
 * First statement of every transaction that changes a snippet's human labels: locks the snippet row and
 * reads what the label needs. On PostgreSQL, SELECT … FOR UPDATE makes a second annotator's transaction on
 * the same snippet wait until the first commits, so its later statements (READ COMMITTED: a fresh snapshot
 * each) count the first one's label. On SQLite a no-op UPDATE takes the database write lock up front, so
 * a second process cannot interleave (and a deferred transaction never has to upgrade its lock).
 */
export async function lockSnippet(tx: Tx, snippetId: number): Promise<{ datasetId: number; llmScore: number | null } | null> {
  const rows = await tx.$queryRaw<{ datasetId: number | bigint; llmScore: number | bigint | null }[]>(
    dialect() === "postgres"
      ? Prisma.sql`SELECT "datasetId", "llmScore" FROM snippet WHERE id = ${snippetId} FOR UPDATE`
      : Prisma.sql`UPDATE snippet SET "reviewCount" = "reviewCount" WHERE id = ${snippetId} RETURNING "datasetId", "llmScore"`,
  );
  const row = rows[0];
  if (!row) return null;
  return { datasetId: Number(row.datasetId), llmScore: row.llmScore === null ? null : Number(row.llmScore) };
}
