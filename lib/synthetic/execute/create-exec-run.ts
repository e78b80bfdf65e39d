import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { getExecRun } from "./get-exec-run";
import type { ExecRunView } from "./types";

export const EXECUTE_JOB = "synthetic.execute";

export const ZCreateExecRun = z
  .object({
    datasetId: z.coerce.number().int().positive().optional(),
    /** Execute one item (the review page's "execute now"); its dataset is implied. */
    snippetId: z.coerce.number().int().positive().optional(),
    /** all: every executable item · unrun: never run or edited since its last run · failed: last run did not pass. */
    scope: z.enum(["all", "unrun", "failed"], { message: "scope must be all, unrun or failed" }).default("all"),
  })
  .refine((v) => v.datasetId !== undefined || v.snippetId !== undefined, { message: "give a datasetId (or a snippetId)", path: ["datasetId"] });
export type TCreateExecRun = z.input<typeof ZCreateExecRun>;

/** Writes an ExecRun and its `synthetic.execute` job in the caller's transaction. */
export async function insertExecRun(tx: Tx, run: { datasetId: number; snippetId: number | null; scope: string; createdById: string | null }, registry: JobRegistry): Promise<{ runId: number; jobId: number }> {
  const created = await tx.execRun.create({ data: { datasetId: run.datasetId, snippetId: run.snippetId, scope: run.scope, createdById: run.createdById, total: run.snippetId === null ? 0 : 1 } });
  const job = await enqueueJob(tx, { name: EXECUTE_JOB, payload: { runId: created.id } }, registry);
  await tx.execRun.update({ where: { id: created.id }, data: { jobId: job.id } });
  return { runId: created.id, jobId: job.id };
}

/**
 * Queues the execution of a dataset's synthetic items (exercises: prompt + solution + tests; textbook
 * sections: their ```python blocks) in the python3 sandbox, or of one item. The run and its job are written
 * in one transaction; workers run it (`syllabus worker`).
 */
export async function createExecRun(input: TCreateExecRun, userId: string | null, registry: JobRegistry): Promise<ExecRunView> {
  const v = ZCreateExecRun.parse(input);
  let datasetId = v.datasetId;
  if (v.snippetId !== undefined) {
    const item = await db().syntheticItem.findUnique({ where: { snippetId: v.snippetId }, select: { datasetId: true } });
    if (!item) throw notFound(`snippet ${v.snippetId} is not a synthetic item`);
    if (datasetId !== undefined && datasetId !== item.datasetId) throw notFound(`snippet ${v.snippetId} is not in dataset ${datasetId}`);
    datasetId = item.datasetId;
  } else if (!(await db().dataset.findUnique({ where: { id: datasetId! }, select: { id: true } }))) {
    throw notFound(`no dataset with id ${datasetId}`);
  }
  const { runId } = await db().$transaction((tx) => insertExecRun(tx, { datasetId: datasetId!, snippetId: v.snippetId ?? null, scope: v.scope, createdById: userId }, registry));
  return getExecRun(runId);
}
