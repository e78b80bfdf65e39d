import type { ExecRun } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import type { SandboxStatus } from "@/lib/sandbox/types";

export type ExecOutcome = { status: SandboxStatus | null; output: string; ms: number | null; version: number };

/**
 * Stores one item's result and counts it on the run, in one transaction, only if the item has no result
 * from this run yet: a job retried after a crash, or two workers holding the same run, count each item once.
 * The result is stamped after the run's creation even when this machine's clock is behind the one that
 * created the run, so "already executed for this run" never depends on clock skew. A null status means
 * there was nothing to run (a textbook section without Python blocks).
 */
export async function recordExecResult(run: Pick<ExecRun, "id" | "createdAt">, snippetId: number, outcome: ExecOutcome): Promise<boolean> {
  const execAt = new Date(Math.max(Date.now(), run.createdAt.getTime() + 1));
  return db().$transaction(async (tx) => {
    const { count } = await tx.syntheticItem.updateMany({
      where: { snippetId, OR: [{ execAt: null }, { execAt: { lt: run.createdAt } }] },
      data: { execStatus: outcome.status, execOutput: outcome.output, execMs: outcome.ms, execAt, execVersion: outcome.version },
    });
    if (count === 0) return false;
    const passed = outcome.status === "passed" ? 1 : 0;
    const failed = outcome.status !== null && outcome.status !== "passed" ? 1 : 0;
    await tx.execRun.update({ where: { id: run.id }, data: { done: { increment: 1 }, passed: { increment: passed }, failed: { increment: failed } } });
    return true;
  });
}
