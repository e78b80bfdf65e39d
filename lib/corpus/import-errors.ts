import type { ImportReport } from "./types";

/**
 * A whole-file problem (empty, binary, corrupt gzip, not Parquet…). The import stops, keeps what was
 * committed before, and the ImportRun is marked failed with this message. Retrying cannot help.
 */
export class ImportFatalError extends Error {
  override name = "ImportFatalError";
}

/**
 * Thrown by runImport/importFile when ctx.signal aborts. Everything up to `report.records` is committed and
 * the ImportRun stays "running", so the next attempt (or the same CLI command) resumes it. Named
 * "AbortError" like the platform's own, so job runners treat it as a cancellation, not a failure.
 */
export class ImportInterruptedError extends Error {
  override name = "AbortError";
  constructor(readonly report: ImportReport) {
    super(`import ${report.importId} interrupted after ${report.records} records; run it again to resume`);
  }
}
