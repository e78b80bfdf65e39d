import type { ClassifierModel, Job, ScoreRun } from "@syllabus/prisma-sqlite";
import type {
  FeatureImportance,
  ModelDataSnapshot,
  ModelDetail,
  ModelFeatures,
  ModelMetrics,
  ModelParams,
  ModelStatus,
  ModelView,
  ScoreRunStatus,
  ScoreRunView,
} from "./types";

function parseJson<T>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as T;
    return value && typeof value === "object" && Object.keys(value).length > 0 ? value : null;
  } catch {
    return null;
  }
}

/**
 * The model's status with its training job folded in: a job that gave up or was cancelled before the
 * handler could record it makes a "training" model failed (as campaigns do with their jobs).
 */
export function effectiveModelStatus(model: Pick<ClassifierModel, "status">, job: Pick<Job, "status"> | null): ModelStatus {
  const own = model.status as ModelStatus;
  if (own !== "training" || !job) return own;
  return job.status === "failed" || job.status === "cancelled" ? "failed" : "training";
}

export function toModelView(m: ClassifierModel & { dataset: { name: string } | null }, job: Job | null, liveRun: ModelView["liveRun"] = null): ModelView {
  const metrics = parseJson<ModelMetrics>(m.metrics);
  const params = parseJson<ModelParams>(m.params);
  const data = parseJson<ModelDataSnapshot>(m.data);
  const status = effectiveModelStatus(m, job);
  return {
    id: m.id,
    version: m.version,
    datasetId: m.datasetId,
    datasetName: m.dataset?.name ?? null,
    status,
    active: m.active,
    liveRun,
    threshold: m.threshold,
    cut: m.cut,
    rocAuc: metrics?.rocAuc ?? null,
    prAuc: metrics?.prAuc ?? null,
    precision: metrics?.precision ?? null,
    recall: metrics?.recall ?? null,
    f1: metrics?.f1 ?? null,
    rows: data?.rows ?? null,
    trees: params?.trees ?? null,
    folds: params?.folds ?? null,
    useEmbeddings: params?.useEmbeddings ?? false,
    artifactBytes: m.artifactBytes,
    jobId: m.jobId,
    job: job
      ? { id: job.id, status: job.status, progressDone: job.progressDone, progressTotal: job.progressTotal, message: job.message, attempt: job.attempt, error: job.error }
      : null,
    error: m.error ?? (status === "failed" ? (job?.error ?? null) : null),
    createdAt: m.createdAt.toISOString(),
    trainedAt: m.trainedAt?.toISOString() ?? null,
  };
}

export function toModelDetail(m: ClassifierModel & { dataset: { name: string } | null }, job: Job | null, runs: ScoreRunView[]): ModelDetail {
  const importances = parseJson<FeatureImportance[]>(m.importances) ?? [];
  const live = runs.filter((r) => r.status === "queued" || r.status === "running").sort((a, b) => b.id - a.id)[0];
  return {
    ...toModelView(m, job, live ? { id: live.id, status: live.status, activate: live.activate, done: live.done, total: live.total } : null),
    params: parseJson<ModelParams>(m.params),
    features: parseJson<ModelFeatures>(m.features),
    data: parseJson<ModelDataSnapshot>(m.data),
    metrics: parseJson<ModelMetrics>(m.metrics),
    importances: importances.slice(0, 30),
    artifactPath: m.artifactPath,
    artifactSha256: m.artifactSha256,
    scoreRuns: runs,
  };
}

/** A score run's status with its plan job folded in, as for models. */
export function effectiveRunStatus(run: Pick<ScoreRun, "status">, job: Pick<Job, "status"> | null): ScoreRunStatus {
  const own = run.status as ScoreRunStatus;
  if (own === "succeeded" || own === "cancelled" || !job) return own;
  if (job.status === "failed" || job.status === "cancelled") return job.status;
  return own;
}

export function toScoreRunView(
  r: ScoreRun & { model: { version: number } },
  extra: { datasetName: string | null; chunks: number; chunksDone: number; job: Job | null },
  now = new Date(),
): ScoreRunView {
  const status = effectiveRunStatus(r, extra.job);
  const end = r.finishedAt ?? (status === "running" ? now : null);
  const seconds = r.startedAt && end ? Math.max(0, (end.getTime() - r.startedAt.getTime()) / 1000) : null;
  return {
    id: r.id,
    modelId: r.modelId,
    modelVersion: r.model.version,
    datasetId: r.datasetId,
    datasetName: extra.datasetName,
    status,
    activate: r.activate,
    chunkSize: r.chunkSize,
    total: r.total,
    done: r.done,
    chunks: extra.chunks,
    chunksDone: extra.chunksDone,
    jobId: r.jobId,
    error: r.error ?? (status === "failed" ? (extra.job?.error ?? null) : null),
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    snippetsPerSecond: seconds && seconds > 0 && r.done > 0 ? r.done / seconds : null,
  };
}
