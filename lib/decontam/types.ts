/**
 * Shapes returned by the decontamination API. Plain types only (no runtime code), so components may
 * `import type` them without pulling server code into the browser bundle.
 */

export type BenchmarkView = {
  id: number;
  name: string;
  fileName: string;
  itemCount: number;
  createdAt: string;
  /** Snippets with a current match against one of its items. */
  flaggedSnippets: number;
};

/** What importing a benchmark file did. */
export type BenchmarkImportReport = {
  benchmark: { id: number; name: string; fileName: string; itemCount: number };
  format: "jsonl" | "jsonl.gz";
  lines: number;
  /** What happened to the benchmark's items: new task ids, changed content, unchanged, task ids no longer in the file. */
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Snippets whose contamination flag was cleared because their only matches were with changed or removed items. */
  unflaggedSnippets: number;
  errors: { line: number; reason: string }[];
  errorCount: number;
};

export type BenchmarkItemView = { id: number; taskId: string; prompt: string; solution: string; tests: string; entryPoint: string | null };

export type DecontamRunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export type DecontamRunView = {
  id: number;
  datasetId: number | null;
  /** null with datasetId null: every dataset. */
  datasetName: string | null;
  ngram: number;
  minShared: number;
  minSubstringChars: number;
  /** Benchmarks asked for (empty: every benchmark at the time the run started). */
  benchmarks: { id: number; name: string | null }[];
  status: DecontamRunStatus;
  total: number;
  done: number;
  flagged: number;
  error: string | null;
  jobId: number | null;
  job: { status: string; attempt: number; maxAttempts: number; message: string; error: string | null } | null;
  createdById: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export type DecontamBenchmarkSummary = {
  benchmarkId: number;
  name: string;
  /** Distinct snippets and benchmark items involved in this run's matches. */
  snippets: number;
  items: number;
  matches: number;
  byMethod: { ngram: number; substring: number };
  /** The items matched by the most snippets (up to 10). */
  topItems: { taskId: string; snippets: number }[];
};

export type DecontamRunDetail = DecontamRunView & { benchmarksMatched: DecontamBenchmarkSummary[] };

export type FlaggedMatch = { benchmarkId: number; benchmark: string; taskId: string; method: "ngram" | "substring"; shared: number; overlap: number };

export type FlaggedSnippet = {
  snippetId: number;
  datasetId: number;
  datasetName: string;
  path: string | null;
  language: string;
  /** Strongest first. */
  matches: FlaggedMatch[];
  override: { note: string; userId: string; createdAt: string } | null;
};

export type Span = [start: number, end: number];

export type SnippetMatchDetail = {
  id: number;
  runId: number;
  ngram: number;
  method: "ngram" | "substring";
  shared: number;
  overlap: number;
  evidence: string;
  benchmark: { id: number; name: string };
  item: { id: number; taskId: string; prompt: string; solution: string; entryPoint: string | null };
  /** Character ranges to highlight: in the snippet, and in the item's prompt and solution. */
  highlights: { snippet: Span[]; prompt: Span[]; solution: Span[] };
};

export type SnippetContamination = {
  snippet: { id: number; datasetId: number; datasetName: string; path: string | null; language: string; content: string; contaminated: boolean };
  /** Kept in exports despite the matches, by a reviewer with a note. */
  override: { note: string; userId: string; userName: string | null; userEmail: string | null; createdAt: string } | null;
  /** Current matches, strongest first. */
  matches: SnippetMatchDetail[];
  /** True when the snippet is excluded from exports as contaminated (flagged and not overridden). */
  excluded: boolean;
};
