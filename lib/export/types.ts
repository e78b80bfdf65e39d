import { z } from "zod";

/**
 * What an export is: which snippets (datasets + a quality filter + exclusions), how they are shuffled (seed),
 * split (validation share), cut into shards (rows or bytes) and written (Parquet or JSONL.gz). Shared by the
 * API, the CLI, the builder form and the job; the stored `Export.spec` is this object with every default and
 * the model/cut resolved, so an export's lineage is exactly what ran.
 */

/** Largest seed; it is inlined into SQL by the seeded hash (lib/campaigns/selection-sql.ts). */
export const MAX_EXPORT_SEED = 2 ** 31 - 1;
export const EXPORT_FORMATS = ["parquet", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled", "deleted"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
export const EXPORT_SPLITS = ["train", "validation"] as const;
export type ExportSplit = (typeof EXPORT_SPLITS)[number];

const ZScore = z.number().int().min(0, "scores are 0–5").max(5, "scores are 0–5");

export const ZExportFilter = z.discriminatedUnion("mode", [
  /** The classifier: P(high) of model `modelId` (default: the active model) ≥ `cut` (default: that model's cut). */
  z.object({ mode: z.literal("model"), modelId: z.number().int().positive().optional(), cut: z.number().min(0, "cut is a probability 0–1").max(1, "cut is a probability 0–1").optional() }),
  /** The snippet's latest LLM score ≥ minLlmScore. */
  z.object({ mode: z.literal("llm"), minLlmScore: ZScore }),
  /** Human-approved only: the median human score (an "agree" counts as the LLM score shown) ≥ the dataset's threshold. */
  z.object({ mode: z.literal("human") }),
  /** Every snippet (the exclusions still apply). */
  z.object({ mode: z.literal("all") }),
]);
export type ExportFilter = z.infer<typeof ZExportFilter>;

export const ZExportShard = z.union([
  z.object({ rows: z.number().int().min(1, "shard rows must be at least 1").max(100_000_000) }).strict(),
  z.object({ bytes: z.number().int().min(1024, "shard bytes must be at least 1024").max(2 ** 40) }).strict(),
]);

const ZLanguage = z.string().trim().min(1).max(64);

export const ZExportSpec = z
  .object({
    datasetIds: z.array(z.number().int().positive()).min(1, "choose at least one dataset").max(100),
    filter: ZExportFilter.default({ mode: "model" }),
    /** Leave out snippets whose median human score is below the dataset's threshold. */
    excludeHumanRejected: z.boolean().default(true),
    /** Include synthetic items a reviewer approved (pending and rejected synthetic items are never exported). */
    includeSynthetic: z.boolean().default(false),
    /** Leave out snippets flagged by decontamination, unless a reviewer overrode the flag. */
    excludeContaminated: z.boolean().default(true),
    /** Leave out snippets marked as a near-duplicate of a kept representative. */
    excludeNearDuplicates: z.boolean().default(false),
    minTokens: z.number().int().min(0).optional(),
    maxTokens: z.number().int().min(1).optional(),
    /** Only these languages (empty: all). */
    languages: z.array(ZLanguage).max(100).default([]),
    split: z.object({ validationFraction: z.number().min(0).max(0.5, "validationFraction is at most 0.5").default(0) }).default({ validationFraction: 0 }),
    /** Target rows per shard, or target bytes of content (uncompressed) per shard. */
    shard: ZExportShard.default({ bytes: 500_000_000 }),
    format: z.enum(EXPORT_FORMATS).default("parquet"),
    seed: z.number().int().min(0).max(MAX_EXPORT_SEED).optional(),
    name: z.string().trim().min(1).max(100).regex(/^[^\0/\\]+$/, "name cannot contain slashes").optional(),
  })
  .strict()
  .refine((s) => s.minTokens === undefined || s.maxTokens === undefined || s.minTokens <= s.maxTokens, { message: "minTokens must be ≤ maxTokens", path: ["minTokens"] })
  .refine((s) => new Set(s.datasetIds).size === s.datasetIds.length, { message: "a dataset is listed twice", path: ["datasetIds"] });
export type TExportSpec = z.input<typeof ZExportSpec>;
export type ExportSpec = z.output<typeof ZExportSpec>;

/** The spec as stored and run: seed, name, model and cut fixed. */
export type ResolvedExportSpec = Omit<ExportSpec, "seed" | "name"> & { seed: number; name: string };

export type ExportDatasetRef = { id: number; name: string; kind: string; threshold: number };
export type ExportModelRef = { id: number; version: number; cut: number };

/** Everything the selection needs, looked up once: datasets with thresholds, the filter's model (or the active one, for classifier_prob). */
export type ResolvedExport = {
  spec: ResolvedExportSpec;
  datasets: ExportDatasetRef[];
  /** The model of a "model" filter; otherwise the active model (if any), whose P(high) fills classifier_prob. */
  model: ExportModelRef | null;
};

/** One output row, in column order (Parquet columns and JSONL keys). */
export type ExportRow = {
  id: number;
  dataset: string;
  kind: string;
  content: string;
  language: string;
  source: string | null;
  path: string | null;
  license: string | null;
  external_id: string | null;
  token_count: number;
  llm_score: number | null;
  human_score: number | null;
  classifier_prob: number | null;
  topic: string | null;
  audience: string | null;
  function_name: string | null;
  tests: string | null;
};

export type ExportColumn = { name: keyof ExportRow; type: "int64" | "int32" | "double" | "string"; nullable: boolean; description: string };

/** The columns of every shard, documented in the dataset card and the manifest. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { name: "id", type: "int64", nullable: false, description: "Syllabus snippet id (stable within this instance)" },
  { name: "dataset", type: "string", nullable: false, description: "Name of the Syllabus dataset the snippet belongs to" },
  { name: "kind", type: "string", nullable: false, description: "code, textbook or exercise (synthetic items: their own kind)" },
  { name: "content", type: "string", nullable: false, description: "The text to train on (an exercise: prompt + solution)" },
  { name: "language", type: "string", nullable: false, description: "Programming language as imported (lower case)" },
  { name: "source", type: "string", nullable: true, description: "Repository or origin (The Stack: max_stars_repo_name)" },
  { name: "path", type: "string", nullable: true, description: "File path in the source repository" },
  { name: "license", type: "string", nullable: true, description: "License(s) of the source, as imported" },
  { name: "external_id", type: "string", nullable: true, description: "Id in the source corpus (The Stack: hexsha)" },
  { name: "token_count", type: "int32", nullable: false, description: "Tokens of content in o200k_base (gpt-4o's tokenizer)" },
  { name: "llm_score", type: "int32", nullable: true, description: "Latest LLM educational-value score 0–5" },
  { name: "human_score", type: "int32", nullable: true, description: "Median human score 0–5 (even count: mean of the middle two, rounded down)" },
  { name: "classifier_prob", type: "double", nullable: true, description: "P(high educational value) from the manifest's classifier model" },
  { name: "topic", type: "string", nullable: true, description: "Synthetic items: the topic constraint it was generated under" },
  { name: "audience", type: "string", nullable: true, description: "Synthetic items: the audience constraint" },
  { name: "function_name", type: "string", nullable: true, description: "Synthetic exercises: the function name constraint" },
  { name: "tests", type: "string", nullable: true, description: "Synthetic exercises: tests (asserts / doctests) run after the solution" },
];

export type ShardView = { split: ExportSplit; index: number; fileName: string; rows: number; tokens: number; bytes: number; sha256: string };

export type ExportView = {
  id: number;
  name: string;
  status: ExportStatus;
  spec: ResolvedExportSpec;
  /** One line describing the filter, e.g. "classifier v3 P(high) ≥ 0.62; no contaminated; python". */
  filterSummary: string;
  datasets: { id: number; name: string }[];
  format: ExportFormat;
  seed: number;
  outDir: string;
  model: { id: number; version: number; cut: number | null } | null;
  rows: number;
  tokens: number;
  bytes: number;
  shardCount: number;
  createdBy: { id: string; name: string; email: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  job: { id: number; status: string; progressDone: number; progressTotal: number; message: string | null; cancelRequested: boolean } | null;
};

export type ExportDetail = ExportView & { shards: ShardView[]; manifest: ExportManifest | null; files: string[] };

/** Counts by label source, over the selected rows. */
export type LabelCounts = {
  /** LLM score → rows ("none": no LLM label). */
  llm: Record<string, number>;
  /** By the median human score against the dataset's threshold. */
  human: { approved: number; rejected: number; unlabeled: number };
  /** Approved synthetic items among the rows. */
  synthetic: number;
  /** Rows flagged as contaminated whose flag a reviewer overrode. */
  contaminatedOverridden: number;
};

export type BreakdownRow = { dataset: string; language: string; rows: number; tokens: number; bytes: number };

export type ExportPreview = {
  rows: number;
  /** Exact for rows with a cached token count, plus bytes × tokensPerByte for the others. */
  tokens: number;
  /** True when some rows' tokens (or whether they pass a token range) are estimated. */
  tokensEstimated: boolean;
  /** Rows whose token count is not cached yet (the export counts them exactly first). */
  uncountedRows: number;
  tokensPerByte: number;
  bytes: number;
  train: { rows: number; bytes: number; shards: number };
  validation: { rows: number; bytes: number; shards: number };
  shards: number;
  byDataset: { dataset: string; rows: number; tokens: number; bytes: number }[];
  byLanguage: { language: string; rows: number; tokens: number; bytes: number }[];
  breakdown: BreakdownRow[];
  labels: LabelCounts;
  model: ExportModelRef | null;
  filterSummary: string;
  elapsedMs: number;
};

export type ManifestShard = { split: ExportSplit; index: number; file: string; rows: number; tokens: number; bytes: number; sha256: string };

export type ExportManifest = {
  manifest_version: 1;
  name: string;
  export_id: number;
  created_at: string;
  tool: { name: "syllabus"; version: string; parquet_writer?: string };
  format: ExportFormat;
  compression: string;
  seed: number;
  datasets: { id: number; name: string; kind: string; threshold: number }[];
  filter: ResolvedExportSpec;
  filter_summary: string;
  model: { id: number; version: number; cut: number; role: "filter" | "classifier_prob" } | null;
  splits: Record<string, { rows: number; tokens: number; bytes: number; shards: number }>;
  rows: number;
  tokens: number;
  bytes: number;
  label_counts: LabelCounts;
  breakdown: BreakdownRow[];
  columns: { name: string; type: string; nullable: boolean; description: string }[];
  shards: ManifestShard[];
};
