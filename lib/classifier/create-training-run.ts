import { z } from "zod";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { isUniqueViolation } from "@/lib/llm/is-unique-violation";
import { checkTrainingSet, TrainingSetError } from "./check-training-set";
import { getModel } from "./get-model";
import { loadTrainingTargets } from "./load-training-targets";
import type { ModelParams, ModelView } from "./types";

export const ZTrainClassifier = z.object({
  datasetId: z.coerce.number().int().positive(),
  /** Scores >= threshold are the positive class; default: the dataset's threshold. */
  threshold: z.coerce.number().int().min(1).max(5).optional(),
  trees: z.coerce.number().int().min(1).max(1000).default(100),
  folds: z.coerce.number().int().min(2).max(10).default(5),
  maxDepth: z.coerce.number().int().min(1).max(64).nullable().optional(),
  minSamplesLeaf: z.coerce.number().int().min(1).max(1000).default(1),
  /** Precision the probability cut is chosen for, on the out-of-fold probabilities. */
  targetPrecision: z.coerce.number().min(0.5).max(1).default(0.9),
  /** Append cached embeddings (classifier.embed) to the structural + n-gram features. */
  useEmbeddings: z.boolean().default(false),
  /** Embedding model whose vectors are used; default: the one with the most vectors in the dataset. */
  embeddingModel: z.string().min(1).max(200).optional(),
  seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
  /** After training: score every snippet with the new model and make it the active one. */
  activate: z.boolean().default(true),
});
export type TTrainClassifier = z.input<typeof ZTrainClassifier>;

export const TRAIN_JOB = "classifier.train";

/**
 * Registers a new model version (status training, version = highest + 1) and its `classifier.train` job
 * in one transaction. The job does the work; the parameters are stored on the row so a rerun of the job
 * trains exactly the same model.
 */
export async function createTrainingRun(input: TTrainClassifier, userId: string | null, registry: JobRegistry): Promise<{ model: ModelView; jobId: number }> {
  const v = ZTrainClassifier.parse(input);
  const dataset = await db().dataset.findUnique({ where: { id: v.datasetId }, select: { id: true, threshold: true } });
  if (!dataset) throw notFound(`no dataset with id ${v.datasetId}`);
  const threshold = v.threshold ?? dataset.threshold;
  try {
    checkTrainingSet((await loadTrainingTargets({ datasetId: dataset.id, threshold })).snapshot, v.folds);
  } catch (e) {
    if (e instanceof TrainingSetError) throw badRequest(e.message);
    throw e;
  }
  const params: ModelParams & { embeddingModel?: string } = {
    trees: v.trees,
    maxDepth: v.maxDepth ?? null,
    minSamplesLeaf: v.minSamplesLeaf,
    maxFeatures: "sqrt",
    classWeight: "balanced",
    bootstrap: true,
    seed: v.seed,
    folds: v.folds,
    targetPrecision: v.targetPrecision,
    useEmbeddings: v.useEmbeddings,
    activate: v.activate,
    ...(v.embeddingModel && { embeddingModel: v.embeddingModel }),
  };
  // Two concurrent creates can pick the same version; the unique index turns that into a retry.
  for (let tries = 0; ; tries++) {
    try {
      const created = await db().$transaction(async (tx) => {
        const top = await tx.classifierModel.aggregate({ _max: { version: true } });
        const model = await tx.classifierModel.create({
          data: { version: (top._max.version ?? 0) + 1, datasetId: dataset.id, threshold, params: JSON.stringify(params), createdById: userId },
        });
        const job = await enqueueJob(tx, { name: TRAIN_JOB, payload: { modelId: model.id } }, registry);
        await tx.classifierModel.update({ where: { id: model.id }, data: { jobId: job.id } });
        return { modelId: model.id, jobId: job.id };
      });
      return { model: await getModel(created.modelId), jobId: created.jobId };
    } catch (e) {
      if (!isUniqueViolation(e) || tries >= 4) throw e;
    }
  }
}
