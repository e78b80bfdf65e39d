import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { badRequest, HttpError, notFound } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { listScoreRuns } from "./list-score-runs";
import type { ScoreRunView } from "./types";

export const ZCreateScoreRun = z.object({
  modelId: z.coerce.number().int().positive(),
  /** Only this dataset's snippets; default: every dataset. */
  datasetId: z.coerce.number().int().positive().optional(),
  /** Also write snippet.classifierProb and make the model the active one when the run finishes. */
  activate: z.boolean().default(false),
  chunkSize: z.coerce.number().int().min(100).max(200_000).default(20_000),
});
export type TCreateScoreRun = z.input<typeof ZCreateScoreRun>;

export const SCORE_PLAN_JOB = "classifier.score-plan";
export const SCORE_CHUNK_JOB = "classifier.score-chunk";

/** Writes a ScoreRun and its `classifier.score-plan` job in the caller's transaction. */
export async function insertScoreRun(tx: Tx, run: { modelId: number; datasetId: number | null; activate: boolean; chunkSize?: number; createdById: string | null }, registry: JobRegistry): Promise<{ runId: number; jobId: number }> {
  const created = await tx.scoreRun.create({ data: { modelId: run.modelId, datasetId: run.datasetId, activate: run.activate, chunkSize: run.chunkSize, createdById: run.createdById } });
  const job = await enqueueJob(tx, { name: SCORE_PLAN_JOB, payload: { runId: created.id } }, registry);
  await tx.scoreRun.update({ where: { id: created.id }, data: { jobId: job.id } });
  return { runId: created.id, jobId: job.id };
}

/**
 * Re-scores snippets (every dataset, or one) with a ready model: a ScoreRun and its plan job in one
 * transaction. The plan job splits the snippets into id-range chunks, one job each, that any number of
 * workers share. Activating a model means scoring every dataset (its probability becomes the snippet
 * table's column everywhere); the active model itself may refresh one dataset (e.g. after an import).
 */
export async function createScoreRun(input: TCreateScoreRun, userId: string | null, registry: JobRegistry): Promise<{ run: ScoreRunView; jobId: number }> {
  const v = ZCreateScoreRun.parse(input);
  const model = await db().classifierModel.findUnique({ where: { id: v.modelId }, select: { status: true, version: true, active: true } });
  if (!model) throw notFound(`no model with id ${v.modelId}`);
  if (model.status !== "ready") throw new HttpError(409, `model v${model.version} is ${model.status}: only a ready model can score`);
  if (v.activate && v.datasetId !== undefined && !model.active) throw badRequest("activating a model scores every dataset: leave datasetId out");
  if (v.datasetId !== undefined && !(await db().dataset.findUnique({ where: { id: v.datasetId }, select: { id: true } }))) throw notFound(`no dataset with id ${v.datasetId}`);
  const { runId, jobId } = await db().$transaction((tx) => insertScoreRun(tx, { modelId: v.modelId, datasetId: v.datasetId ?? null, activate: v.activate, chunkSize: v.chunkSize, createdById: userId }, registry));
  const [run] = await listScoreRuns({ ids: [runId] });
  return { run, jobId };
}
