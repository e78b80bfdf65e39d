import { z } from "zod";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { getDecontamRun } from "./get-decontam-run";
import type { DecontamRunDetail } from "./types";

export const ZCancelDecontamRun = z.object({ runId: z.coerce.number().int().positive() });

/**
 * Cancels a check through its job: a queued one at once (run and job in one transaction); a running one is
 * asked to stop, and the worker marks the run cancelled and deletes its partial matches at the next page.
 * The contamination flags only change when a run succeeds, so a cancelled run leaves them as they were.
 */
export async function cancelDecontamRun(input: z.input<typeof ZCancelDecontamRun>): Promise<DecontamRunDetail> {
  const { runId } = ZCancelDecontamRun.parse(input);
  await db().$transaction(async (tx) => {
    const run = await tx.decontamRun.findUnique({ where: { id: runId } });
    if (!run) throw notFound(`no decontamination run with id ${runId}`);
    if (run.status === "succeeded" || run.status === "cancelled" || run.status === "failed") throw badRequest(`run ${runId} already ${run.status}`);
    const job = run.jobId === null ? null : await cancelJob(run.jobId, tx);
    if (job?.status === "running") return;
    await tx.decontamRun.update({ where: { id: runId }, data: { status: "cancelled", finishedAt: new Date() } });
    await tx.decontamMatch.deleteMany({ where: { runId } });
  });
  return getDecontamRun({ runId });
}
