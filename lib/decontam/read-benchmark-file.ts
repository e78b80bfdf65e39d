import path from "node:path";
import { detectFormat } from "@/lib/corpus/detect-format";
import { ImportFatalError } from "@/lib/corpus/import-errors";
import { readJsonl } from "@/lib/corpus/read-jsonl";
import { parseBenchmarkRecord, type ParsedBenchmarkItem } from "./parse-benchmark-record";

export type BenchmarkLineError = { line: number; reason: string };
export type BenchmarkFileContents = {
  format: "jsonl" | "jsonl.gz";
  /** Physical lines read (blank ones included). */
  lines: number;
  items: (ParsedBenchmarkItem & { taskId: string; line: number })[];
  /** The first MAX_REPORTED_ERRORS malformed lines; errorCount has them all. */
  errors: BenchmarkLineError[];
  errorCount: number;
};

const MAX_LINE_BYTES = 8 * 1024 * 1024;
export const MAX_REPORTED_ERRORS = 1000;

/**
 * Reads a benchmark file: JSONL, or JSONL gzipped (recognized by its magic bytes, whatever the name), one
 * JSON object per line. Malformed lines (bad JSON, not an object, no prompt/solution, wrong types, a task id
 * seen before) are reported with their line number and skipped. A row without a task id gets `line-<n>`.
 * Whole-file problems (empty, binary, Parquet, corrupt gzip) throw ImportFatalError.
 */
export async function readBenchmarkFile(filePath: string, fileName = path.basename(filePath)): Promise<BenchmarkFileContents> {
  const format = await detectFormat(filePath, fileName);
  if (format === "parquet") throw new ImportFatalError("benchmark files are JSONL or JSONL.gz; this one is Parquet");
  const out: BenchmarkFileContents = { format, lines: 0, items: [], errors: [], errorCount: 0 };
  const seen = new Map<string, number>();
  const fail = (line: number, reason: string) => {
    out.errorCount++;
    if (out.errors.length < MAX_REPORTED_ERRORS) out.errors.push({ line, reason });
  };
  for await (const chunk of readJsonl(filePath, { gzip: format === "jsonl.gz", maxLineBytes: MAX_LINE_BYTES })) {
    out.lines = chunk.lastLine;
    for (const row of chunk.rows) {
      if (row.error !== undefined) {
        fail(row.line, row.error);
        continue;
      }
      const parsed = parseBenchmarkRecord(row.record!);
      if ("error" in parsed) {
        fail(row.line, parsed.error);
        continue;
      }
      const taskId = parsed.taskId ?? `line-${row.line}`;
      const first = seen.get(taskId);
      if (first !== undefined) {
        fail(row.line, `duplicate task id "${taskId}" (first on line ${first})`);
        continue;
      }
      seen.set(taskId, row.line);
      out.items.push({ ...parsed, taskId, line: row.line });
    }
  }
  return out;
}
