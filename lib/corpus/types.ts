/** Shared shapes of the corpus import pipeline: reader → mapRecord → insertSnippetBatch. */

export type ImportFormat = "jsonl" | "jsonl.gz" | "parquet";

/** One non-blank physical line (JSONL) or row (Parquet), 1-based, either parsed or already rejected. */
export type SourceRow = { line: number; record: Record<string, unknown>; error?: undefined } | { line: number; record?: undefined; error: string };

/**
 * What a reader yields: the rows decoded from one chunk of input, and how far it got. `lastLine` counts
 * every physical line read so far (blank and skipped ones included), so progress can advance past them.
 */
export type RowChunk = { rows: SourceRow[]; lastLine: number; bytesRead: number };

export type ImportLineError = { line: number; reason: string };

export type ImportStatus = "queued" | "running" | "completed" | "failed";

export type ImportReport = {
  importId: number;
  dataset: string;
  format: ImportFormat | "unknown";
  status: ImportStatus;
  /** Non-blank lines (Parquet: rows) seen, over all attempts: inserted + duplicates + errorCount. */
  records: number;
  inserted: number;
  duplicates: number;
  /** LlmLabel rows created (labels on new snippets, and new labels attached to existing ones). */
  llmLabels: number;
  /** The first 1000 bad lines. */
  errors: ImportLineError[];
  errorCount: number;
  fatalError?: string;
  /** Set when this run continued an interrupted import: the first line it read. */
  resumedFromLine?: number;
  /** Size of the file in bytes. */
  bytes: number;
  /** Wall time of this run. */
  seconds: number;
  /** Synthetic imports (textbook/exercise datasets): the generation campaign the items were attached to. */
  campaignId?: number;
};

export const MAX_KEPT_ERRORS = 1000;
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
export const DEFAULT_BATCH_SIZE = 2000;
