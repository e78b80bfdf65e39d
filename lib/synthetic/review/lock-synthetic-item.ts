import { Prisma } from "@syllabus/prisma-sqlite";
import { dialect, type Tx } from "@/lib/db/client";

/**
 * First statement of a transaction that changes a synthetic item (a decision, an edit): locks its row and
 * reads its version. PostgreSQL: SELECT … FOR UPDATE, so a concurrent decision or edit on the same item
 * waits for this one to commit. SQLite: a no-op UPDATE takes the database write lock up front.
 */
export async function lockSyntheticItem(tx: Tx, snippetId: number): Promise<{ datasetId: number; kind: string; version: number } | null> {
  const rows = await tx.$queryRaw<{ datasetId: number | bigint; kind: string; version: number | bigint }[]>(
    dialect() === "postgres"
      ? Prisma.sql`SELECT "datasetId", kind, version FROM synthetic_item WHERE "snippetId" = ${snippetId} FOR UPDATE`
      : Prisma.sql`UPDATE synthetic_item SET version = version WHERE "snippetId" = ${snippetId} RETURNING "datasetId", kind, version`,
  );
  const row = rows[0];
  return row ? { datasetId: Number(row.datasetId), kind: row.kind, version: Number(row.version) } : null;
}
