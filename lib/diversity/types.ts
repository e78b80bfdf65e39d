import type { CompressionRatio } from "./compression-ratio";
import type { DistinctN } from "./distinct-n";
import type { NameUniqueness } from "./function-names";
import type { RepeatedText } from "./top-ngrams";

export type DiversityReportStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

/** Stored on the report row (`params`): everything a rerun needs to compute the same figures. */
export type DiversityParams = {
  sampleSize: number;
  seed: number;
  minhash: { permutations: number; shingle: number; threshold: number; bands: number; rows: number; recallAtThreshold: number };
  /** n of the most repeated n-grams list. */
  ngram: number;
  openingWords: number;
  topK: number;
  /** auto: embeddings when every sampled item has a cached vector of the embedding model, TF-IDF otherwise. */
  vectors: "auto" | "tfidf" | "embeddings";
  embeddingModel: string | null;
  maxClusters: number;
  threads: number | null;
};

export type CoverageGrid = {
  /** Row labels (topics) and column labels (audiences), declared by the campaign or as observed. */
  topics: string[];
  audiences: string[];
  /** counts[t][a] items of topic t for audience a. */
  counts: number[][];
  items: number;
  cells: number;
  cellsHit: number;
  /** Up to 100 (topic, audience) cells without any item. */
  emptyCells: [string, string][];
  /** H / log(cells) over every cell of the grid (null under 2 cells). */
  entropy: number | null;
  /** Items whose topic or audience is not in the declared lists (counted nowhere in the grid). */
  outside: number;
};

export type ExerciseCoverage = {
  topics: { topic: string; items: number; functionNames: number }[];
  items: number;
  cells: number;
  cellsHit: number;
  emptyTopics: string[];
  /** H / log(topics) of the items over the topics (null under 2 topics). */
  entropy: number | null;
  outside: number;
  /** When the campaign declared a list of function names: how many were used. */
  declaredNames: { total: number; used: number; unused: string[] } | null;
};

export type Coverage = {
  /** campaign: the campaign's declared lists (empty cells show); observed: values found on the items. */
  source: "campaign" | "observed";
  textbook: CoverageGrid | null;
  exercise: ExerciseCoverage | null;
};

export type NearDupMetrics = {
  threshold: number;
  permutations: number;
  shingle: number;
  bands: number;
  rows: number;
  recallAtThreshold: number;
  /** Items MinHash saw (every item of the scope) and those without a single token (never paired). */
  items: number;
  emptyItems: number;
  candidates: number;
  pairs: number;
  clusters: number;
  /** Items in a cluster other than its representative (lowest id). */
  duplicates: number;
  /** duplicates / items. */
  rate: number | null;
  largest: number;
  threads: number;
  seconds: number;
};

export type VectorMetrics = {
  kind: "embeddings" | "tfidf";
  /** Embedding model, when embeddings were used. */
  model: string | null;
  /** TF-IDF vocabulary size, or the embeddings' dimensions. */
  dimensions: number;
  n: number;
  vendi: number | null;
  dispersion: number | null;
  /** Why TF-IDF was used although embeddings were asked for or possible. */
  note: string | null;
  seconds: number;
};

export type DiversityMetrics = {
  /** Items in the scope (all of them go through MinHash). */
  items: number;
  sample: { size: number; seed: number; items: number };
  tokenization: string;
  /** distinct-1/2/3 on the sample. */
  distinct: DistinctN[];
  compression: CompressionRatio;
  /** Over every item of the scope. */
  functionNames: NameUniqueness & { source: "declared" | "code" | "mixed" | "none"; top: RepeatedText[] };
  /** Over every item of the scope. */
  openings: { words: number; distinct: number; total: number; top: RepeatedText[] };
  /** On the sample. */
  ngrams: { n: number; top: RepeatedText[] };
  nearDup: NearDupMetrics;
  vectors: VectorMetrics;
  coverage: Coverage | null;
  seconds: number;
};

/** A near-duplicate cluster as stored (the largest `maxClusters` of a report). */
export type StoredCluster = {
  size: number;
  /** Member snippet ids, ascending (the first is the representative); at most 100 stored. */
  snippetIds: number[];
  /** Estimated Jaccard of each stored member with the representative (1 for itself). */
  toRepresentative: number[];
  /** Verified pairs inside the cluster [idA, idB, estimated Jaccard], at most 200 stored. */
  pairs: [number, number, number][];
  similarity: { min: number; mean: number; max: number };
};

export type DiversityReportView = {
  id: number;
  datasetId: number;
  datasetName: string;
  campaignId: number | null;
  campaignName: string | null;
  status: DiversityReportStatus;
  params: DiversityParams;
  metrics: DiversityMetrics | null;
  items: number;
  clusterCount: number;
  jobId: number | null;
  job: { id: number; status: string; progressDone: number; progressTotal: number; message: string | null; attempt: number } | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

/** The figures of a report for lists and trends (no grids, no lists). */
export type DiversitySummary = {
  distinct1: number | null;
  distinct2: number | null;
  distinct3: number | null;
  compression: number | null;
  nearDupRate: number | null;
  vendi: number | null;
  /** Items the Vendi score was computed on (its maximum). */
  vendiOf: number | null;
  dispersion: number | null;
  vectors: "embeddings" | "tfidf" | null;
  entropy: number | null;
  functionNameUniqueness: number | null;
};

export type DiversityReportListItem = Omit<DiversityReportView, "metrics" | "params"> & { summary: DiversitySummary | null; sampleSize: number };
