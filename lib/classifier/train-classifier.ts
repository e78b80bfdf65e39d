import fs from "node:fs/promises";
import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { JobCancelledError } from "@/lib/jobs/abort-reasons";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { averagePrecision } from "@/lib/metrics/average-precision";
import { confusionAt } from "@/lib/metrics/confusion-at";
import { cutForPrecision } from "@/lib/metrics/cut-for-precision";
import { prCurve } from "@/lib/metrics/pr-curve";
import { precisionRecallF1 } from "@/lib/metrics/precision-recall-f1";
import { rocAuc } from "@/lib/metrics/roc-auc";
import { rocCurve } from "@/lib/metrics/roc-curve";
import { stratifiedKFold } from "@/lib/metrics/stratified-k-fold";
import { insertScoreRun } from "./create-score-run";
import { serializeForest } from "./forest/serialize-forest";
import { trainForest } from "./forest/train-forest";
import { DEFAULT_FOREST_PARAMS, type ForestParams } from "./forest/types";
import { crossValidate } from "./cross-validate";
import { checkTrainingSet, TrainingSetError } from "./check-training-set";
import { defaultEmbeddingModel, loadTrainingSet } from "./load-training-set";
import type { FeatureImportance, ModelMetrics, ModelParams } from "./types";
import { writeModelArtifact } from "./write-model-artifact";

export type TrainClassifierResult = { status: "ready" | "already-trained" | "gone" | "interrupted"; modelId: number; scoreRunId?: number };

export function forestParamsOf(p: ModelParams): ForestParams {
  return {
    ...DEFAULT_FOREST_PARAMS,
    trees: p.trees,
    maxDepth: p.maxDepth,
    minSamplesLeaf: p.minSamplesLeaf,
    maxFeatures: p.maxFeatures,
    classWeight: p.classWeight,
    bootstrap: p.bootstrap,
    seed: p.seed,
  };
}

/**
 * The `classifier.train` job: reads the training set, cross-validates (stratified k folds, one forest per
 * fold, metrics over the out-of-fold probabilities), picks the probability cut for the target precision,
 * trains the final forest on every row, writes its artifact and marks the model ready. With `activate`,
 * the re-scoring run that will make it active is created in that same transaction.
 *
 * Idempotent: everything is seeded, so a rerun trains the same forests and overwrites the same row; the
 * activating run is created once. On an error the row keeps the message (and becomes failed on the job's
 * last attempt; the view folds in the job's outcome meanwhile).
 */
export async function trainClassifier(opts: { modelId: number; registry: JobRegistry; threads?: number }, ctx: TaskContext): Promise<TrainClassifierResult> {
  const { modelId } = opts;
  const model = await db().classifierModel.findUnique({ where: { id: modelId } });
  if (!model) return { status: "gone", modelId };
  if (model.datasetId === null) {
    await db().classifierModel.update({ where: { id: modelId }, data: { status: "failed", error: "the training dataset was deleted" } });
    return { status: "gone", modelId };
  }
  // A rerun after the attempt that marked the model ready (its worker died before completing the job) has
  // nothing left to do; retraining would flip a ready — possibly active, possibly being scored — model
  // back to "training" under everyone using it.
  if (model.status === "ready" && model.artifactPath && (await fileExists(model.artifactPath))) {
    ctx.log(`v${model.version} is already trained (${model.artifactSha256?.slice(0, 8)}); nothing to do`);
    return { status: "already-trained", modelId };
  }
  const params = JSON.parse(model.params) as ModelParams & { embeddingModel?: string };
  await db().classifierModel.update({ where: { id: modelId }, data: { status: "training", error: null } });
  try {
    const started = performance.now();
    const embeddingModel = params.useEmbeddings ? (params.embeddingModel ?? (await defaultEmbeddingModel(model.datasetId))) : null;
    if (params.useEmbeddings && !embeddingModel) throw new TrainingSetError("no embeddings are cached for this dataset: embed the dataset first (classifier.embed)");
    const set = await loadTrainingSet({ datasetId: model.datasetId, threshold: model.threshold, embeddingModel }, ctx);
    checkTrainingSet(set.snapshot, params.folds);
    const s = set.snapshot;
    ctx.log(`training set: ${s.rows} rows (${s.positives} high, ${s.negatives} low; ${s.fromHuman} from human labels, ${s.fromLlm} from LLM labels), ${set.nFeatures} features`);

    const forestParams = forestParamsOf(params);
    const totalTrees = (params.folds + 1) * params.trees;
    const progress = (done: number, message: string) => void ctx.reportProgress(done, totalTrees, message).catch(() => {});
    const folds = stratifiedKFold(set.y, params.folds, params.seed);
    const cv = await crossValidate({ set, folds, k: params.folds, params: forestParams, threads: opts.threads, signal: ctx.signal, onProgress: (fold, trees) => progress(fold * params.trees + trees, `fold ${fold + 1}/${params.folds}: ${trees}/${params.trees} trees`) });

    const final = await trainForest({
      X: set.X, nRows: set.nRows, nFeatures: set.nFeatures, y: set.y, params: forestParams, threads: opts.threads, signal: ctx.signal,
      onProgress: (trees) => progress(params.folds * params.trees + trees, `final forest: ${trees}/${params.trees} trees`),
    });
    const metrics = summarize({ y: set.y, oof: cv.oof, folds, k: params.folds, foldRocAuc: cv.foldRocAuc, targetPrecision: params.targetPrecision, oob: final.oob, seconds: (performance.now() - started) / 1000 });
    const importances = rankImportances(final.importances, set.featureNames);
    const artifact = await writeModelArtifact(model.version, serializeForest(final.forest));
    if (ctx.signal.aborted) throw ctx.signal.reason;

    const scoreRunId = await db().$transaction(async (tx) => {
      await tx.classifierModel.update({
        where: { id: modelId },
        data: {
          status: "ready",
          error: null,
          features: JSON.stringify(set.features),
          data: JSON.stringify(set.snapshot),
          metrics: JSON.stringify(metrics),
          importances: JSON.stringify(importances),
          cut: metrics.cut,
          artifactPath: artifact.path,
          artifactSha256: artifact.sha256,
          artifactBytes: artifact.bytes,
          trainedAt: new Date(),
        },
      });
      if (!params.activate) return undefined;
      // A rerun after this transaction committed must not queue a second run.
      const existing = await tx.scoreRun.findFirst({ where: { modelId, activate: true }, select: { id: true } });
      if (existing) return existing.id;
      return (await insertScoreRun(tx, { modelId, datasetId: null, activate: true, createdById: model.createdById }, opts.registry)).runId;
    });
    // An earlier attempt's file under another name (a different forest) is no longer referenced.
    if (model.artifactPath && model.artifactPath !== artifact.path) await fs.rm(model.artifactPath, { force: true });
    await ctx.reportProgress(totalTrees, totalTrees, `ROC AUC ${metrics.rocAuc?.toFixed(3) ?? "n/a"} (${params.folds}-fold)`);
    ctx.log(`v${model.version}: ROC AUC ${metrics.rocAuc?.toFixed(4)}, PR AUC ${metrics.prAuc?.toFixed(4)}, cut ${metrics.cut.toFixed(3)} → precision ${metrics.precision?.toFixed(3)} recall ${metrics.recall?.toFixed(3)}; ${artifact.bytes} bytes`);
    return { status: "ready", modelId, scoreRunId };
  } catch (e) {
    if (ctx.signal.aborted) {
      if (ctx.signal.reason instanceof JobCancelledError) await db().classifierModel.update({ where: { id: modelId }, data: { status: "failed", error: "training was cancelled" } });
      return { status: "interrupted", modelId };
    }
    const message = e instanceof Error ? e.message : String(e);
    const job = model.jobId === null ? null : await db().job.findUnique({ where: { id: model.jobId }, select: { maxAttempts: true } });
    // A bad training set will not get better on a retry; anything else may (disk full, database busy).
    const last = e instanceof TrainingSetError || !job || ctx.attempt >= job.maxAttempts;
    await db().classifierModel.update({ where: { id: modelId }, data: { error: message, ...(last && { status: "failed" }) } });
    if (e instanceof TrainingSetError) {
      ctx.log(message, "error");
      return { status: "gone", modelId };
    }
    throw e;
  }
}

function std(values: number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
}

/** Metrics over out-of-fold probabilities: AUCs, curves, the cut for the target precision and what it gives. */
export function summarize(o: { y: Uint8Array; oof: Float32Array; folds: Int32Array; k: number; foldRocAuc: (number | null)[]; targetPrecision: number; oob: ModelMetrics["oob"]; seconds: number }): ModelMetrics {
  const reached = cutForPrecision(o.y, o.oof, o.targetPrecision);
  const cut = reached?.cut ?? 0.5;
  const confusion = confusionAt(o.y, o.oof, cut);
  const prf = precisionRecallF1(confusion);
  return {
    folds: o.k,
    rocAuc: rocAuc(o.y, o.oof),
    prAuc: averagePrecision(o.y, o.oof),
    foldRocAuc: o.foldRocAuc,
    rocAucStd: std(o.foldRocAuc.filter((v): v is number => v !== null)),
    targetPrecision: o.targetPrecision,
    cut,
    cutReachedTarget: reached !== null,
    cutNote: reached ? null : `no probability cut reaches precision ${o.targetPrecision} on the cross-validated probabilities; using 0.5`,
    precision: prf.precision,
    recall: prf.recall,
    f1: prf.f1,
    confusion,
    oob: o.oob,
    rocCurve: rocCurve(o.y, o.oof, 200),
    prCurve: prCurve(o.y, o.oof, 200),
    trainSeconds: o.seconds,
  };
}

/** Importances normalized to sum 1, with names, largest first. */
export function rankImportances(raw: Float64Array, names: string[]): FeatureImportance[] {
  const sum = raw.reduce((a, b) => a + b, 0) || 1;
  return Array.from(raw, (v, i) => ({ name: names[i] ?? `f${i}`, importance: v / sum }))
    .sort((a, b) => b.importance - a.importance || a.name.localeCompare(b.name));
}

async function fileExists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}
