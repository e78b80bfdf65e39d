import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { getExecRun } from "./get-exec-run";
import type { ExecRunView } from "./types";

/**
 * Cancels an execution run through its job: a queued one at once (with the run, in one transaction), a
 * running one at its next heartbeat (the programs in flight are killed; results already stored stay).
 */
export async function cancelExecRun(runId: number): Promise<ExecRunView> {
  await db().$transaction(async (tx) => {
    const run = await tx.execRun.findUnique({ where: { id: runId } });
    if (!run) throw notFound(`no execution run with id ${runId}`);
    const job = run.jobId === null ? null : await cancelJob(run.jobId, tx);
    if (job?.status === "running") return;
    if (run.status === "succeeded" || run.status === "cancelled" || run.status === "failed") throw badRequest(`execution run ${runId} is already ${run.status}`);
    await tx.execRun.update({ where: { id: runId }, data: { status: "cancelled", finishedAt: new Date() } });
  });
  return getExecRun(runId);
}
