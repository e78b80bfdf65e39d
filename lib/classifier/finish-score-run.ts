import type { Tx } from "@/lib/db/client";

/**
 * In the caller's transaction, which has already updated the run's row (so on PostgreSQL it holds that
 * row's lock and the count below sees every other finisher's commit): when the plan is complete and no
 * chunk is pending, the run succeeds — and an activating run makes its model the only active one.
 */
export async function finishScoreRunIfComplete(tx: Tx, runId: number): Promise<boolean> {
  const pending = await tx.scoreChunk.count({ where: { runId, status: "pending" } });
  if (pending > 0) return false;
  const finished = await tx.scoreRun.updateMany({ where: { id: runId, status: "running" }, data: { status: "succeeded", finishedAt: new Date(), error: null } });
  if (finished.count === 0) return false;
  const run = await tx.scoreRun.findUniqueOrThrow({ where: { id: runId }, select: { modelId: true, activate: true } });
  if (run.activate) {
    await tx.classifierModel.updateMany({ where: { active: true, id: { not: run.modelId } }, data: { active: false } });
    await tx.classifierModel.update({ where: { id: run.modelId }, data: { active: true } });
  }
  return true;
}
