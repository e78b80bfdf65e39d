import { Prisma } from "@syllabus/prisma-sqlite";
import type { ExecRun } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";

const NOT_PASSED = ["failed", "error", "timeout", "killed"];

/**
 * Items of a run that it has not executed yet, by id after `after`: they match its scope and carry no
 * result written since the run was created (results are stamped later than the run's creation, see
 * recordExecResult), so a retried job skips what it already did. A one-item run ignores the scope.
 */
function pendingWhere(run: Pick<ExecRun, "datasetId" | "snippetId" | "scope" | "createdAt">): Prisma.Sql {
  const parts = [Prisma.sql`si."datasetId" = ${run.datasetId}`, Prisma.sql`(si."execAt" IS NULL OR si."execAt" < ${run.createdAt})`];
  if (run.snippetId !== null) parts.push(Prisma.sql`si."snippetId" = ${run.snippetId}`);
  else if (run.scope === "unrun") parts.push(Prisma.sql`(si."execStatus" IS NULL OR si."execVersion" IS NULL OR si."execVersion" <> si.version)`);
  else if (run.scope === "failed") parts.push(Prisma.sql`si."execStatus" IN (${Prisma.join(NOT_PASSED)})`);
  return Prisma.join(parts, " AND ");
}

export async function countPendingExecItems(run: Pick<ExecRun, "datasetId" | "snippetId" | "scope" | "createdAt">): Promise<number> {
  // Built whole with this package's Prisma.sql and passed as one value: the PostgreSQL client would not
  // recognize a nested Sql fragment from the SQLite client's package inside its own tagged template.
  const [row] = await db().$queryRaw<{ n: number | bigint }[]>(Prisma.sql`SELECT COUNT(*) AS n FROM synthetic_item si WHERE ${pendingWhere(run)}`);
  return Number(row?.n ?? 0);
}

export type PendingExecItem = { snippetId: number; kind: string; version: number; content: string; prompt: string | null; solution: string | null; tests: string | null };

export async function readPendingExecItems(run: Pick<ExecRun, "datasetId" | "snippetId" | "scope" | "createdAt">, after: number, limit: number): Promise<PendingExecItem[]> {
  const rows = await db().$queryRaw<{ snippetId: number | bigint; kind: string; version: number | bigint; content: string; prompt: string | null; solution: string | null; tests: string | null }[]>(Prisma.sql`
    SELECT si."snippetId", si.kind, si.version, s.content, si.prompt, si.solution, si.tests
    FROM synthetic_item si JOIN snippet s ON s.id = si."snippetId"
    WHERE ${pendingWhere(run)} AND si."snippetId" > ${after}
    ORDER BY si."snippetId" LIMIT ${limit}`);
  return rows.map((r) => ({ ...r, snippetId: Number(r.snippetId), version: Number(r.version) }));
}
