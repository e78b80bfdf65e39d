/** View types of the classifier registry, shared by lib, API routes, CLI and UI (types only: safe in the browser). */

import type { ForestParams } from "./forest/types";

export const MODEL_STATUSES = ["training", "ready", "failed"] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

export const SCORE_RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type ScoreRunStatus = (typeof SCORE_RUN_STATUSES)[number];

/** What the training job was asked to do (stored as ClassifierModel.params): the forest's parameters and the run's. */
export type ModelParams = Omit<ForestParams, "maxBins"> & {
  folds: number;
  targetPrecision: number;
  useEmbeddings: boolean;
  activate: boolean;
};

/** The feature set a model was trained on (ClassifierModel.features). */
export type ModelFeatures = {
  version: string;
  dims: number;
  /** Set when embeddings were appended after the structural + n-gram features. */
  embeddingModel: string | null;
  embeddingDims: number;
};

/** Training data snapshot (ClassifierModel.data). */
export type ModelDataSnapshot = {
  rows: number;
  positives: number;
  negatives: number;
  fromHuman: number;
  fromLlm: number;
  /** LLM model × prompt version pairs whose labels were used, with their row counts. */
  llmSources: { model: string; promptVersion: string; rows: number }[];
  threshold: number;
};

export type Confusion = { tp: number; fp: number; tn: number; fn: number };

/** Cross-validated metrics (ClassifierModel.metrics); every figure is over out-of-fold probabilities. */
export type ModelMetrics = {
  folds: number;
  rocAuc: number | null;
  prAuc: number | null;
  /** ROC AUC of each fold's held-out rows (null when a fold has one class). */
  foldRocAuc: (number | null)[];
  /** Standard deviation of foldRocAuc. */
  rocAucStd: number | null;
  targetPrecision: number;
  cut: number;
  /** false: no cut reached the target precision on the out-of-fold probabilities, cut fell back to 0.5. */
  cutReachedTarget: boolean;
  cutNote: string | null;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  confusion: Confusion;
  /** Out-of-bag estimate of the final forest (trained on every row). */
  oob: { rocAuc: number | null; accuracy: number | null; coverage: number };
  rocCurve: { fpr: number[]; tpr: number[]; thresholds: number[] };
  prCurve: { precision: number[]; recall: number[]; thresholds: number[] };
  trainSeconds: number;
};

export type FeatureImportance = { name: string; importance: number };

export type ScoreRunView = {
  id: number;
  modelId: number;
  modelVersion: number;
  datasetId: number | null;
  datasetName: string | null;
  /** The run's state with its plan job's outcome folded in. */
  status: ScoreRunStatus;
  activate: boolean;
  chunkSize: number;
  total: number;
  done: number;
  chunks: number;
  chunksDone: number;
  jobId: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Snippets scored per second from start to finish (or now). */
  snippetsPerSecond: number | null;
};

/** One model version in the registry list. */
export type ModelView = {
  id: number;
  version: number;
  /** Training dataset (null when it was deleted since). */
  datasetId: number | null;
  datasetName: string | null;
  /** The model's state with its training job's outcome folded in (a job that gave up makes it failed). */
  status: ModelStatus;
  active: boolean;
  threshold: number;
  cut: number | null;
  rocAuc: number | null;
  prAuc: number | null;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  rows: number | null;
  trees: number | null;
  folds: number | null;
  useEmbeddings: boolean;
  artifactBytes: number | null;
  jobId: number | null;
  /** A re-scoring run with this model still queued or running (the newest), e.g. the activation after training. */
  liveRun: { id: number; status: string; activate: boolean; done: number; total: number } | null;
  /** Training job progress while status is training. */
  job: { id: number; status: string; progressDone: number; progressTotal: number; message: string; attempt: number; error: string | null } | null;
  error: string | null;
  createdAt: string;
  trainedAt: string | null;
};

/** One model with everything the model page shows. Parsed JSON fields are null until training finished. */
export type ModelDetail = ModelView & {
  params: ModelParams | null;
  features: ModelFeatures | null;
  data: ModelDataSnapshot | null;
  metrics: ModelMetrics | null;
  /** Top 30 features by impurity importance (normalized to sum 1 over all features). */
  importances: FeatureImportance[];
  /** The forest file, under the data directory. */
  artifactPath: string | null;
  artifactSha256: string | null;
  scoreRuns: ScoreRunView[];
};

export type ActiveModel = { id: number; version: number; cut: number | null; threshold: number };

export type ModelComparison = {
  /** Snippets scored by both models. */
  total: number;
  bothHigh: number;
  bothLow: number;
  lowToHigh: number;
  highToLow: number;
  cutFrom: number;
  cutTo: number;
};

export type FlipDirection = "lowToHigh" | "highToLow";

export type FlippedItem = {
  snippetId: number;
  datasetId: number;
  path: string | null;
  language: string;
  probFrom: number;
  probTo: number;
  llmScore: number | null;
};

export type FlippedPage = { items: FlippedItem[]; nextAfter: number | null };
