import fs from "node:fs/promises";
import type { TaskContext } from "../context";
import { insertSnippetBatch, type SnippetInput } from "../db/bulk";
import { db, dialect } from "../db/client";
import { analyzeSqlite, rawSqlite } from "../db/raw";
import { findImportCampaign, linkImportToCampaign, type ImportCampaignLink } from "../synthetic/link-import-campaign";
import { finishImportCampaign, startImportCampaign } from "../synthetic/settle-import-campaign";
import { isSyntheticDatasetKind } from "../synthetic/synthetic-dataset-kind";
import { computeFileKey } from "./compute-file-key";
import { detectFormat } from "./detect-format";
import { ImportFatalError, ImportInterruptedError } from "./import-errors";
import { mapRecord } from "./map-record";
import { mapSyntheticRecord } from "./map-synthetic-record";
import { readJsonl } from "./read-jsonl";
import { readParquet } from "./read-parquet";
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_MAX_LINE_BYTES,
  MAX_KEPT_ERRORS,
  type ImportFormat,
  type ImportLineError,
  type ImportReport,
  type ImportStatus,
  type RowChunk,
} from "./types";

export type RunImportOptions = {
  /** Longest accepted JSONL line in bytes (default 1 MiB); longer lines are reported and skipped. */
  maxLineBytes?: number;
  /** Rows per transaction (default 2000). */
  batchSize?: number;
};

// A batch is also cut at this much content, so 2000 rows of 1 MiB each never sit in memory together.
const MAX_BATCH_CONTENT_BYTES = 32 * 1024 * 1024;
const PROGRESS_INTERVAL_MS = 1000;
// ImportRun.bytesTotal and the job's progress columns are 32-bit INTEGER on PostgreSQL.
const INT32_MAX = 2_147_483_647;

/**
 * Runs (or resumes) the import described by an ImportRun row: the web upload creates the row and a job
 * calls this; the CLI creates the row through importFile. Lines 1..linesDone were committed by an earlier
 * attempt and are skipped; each batch commits its snippets, labels and the run's counters and linesDone in
 * one transaction, so counts stay exact however often the import is interrupted.
 *
 * Returns the report when the import completed or failed on a whole-file problem (status "failed",
 * `fatalError`; what was committed before stays). Throws ImportInterruptedError when ctx.signal aborts
 * (the run stays "running" and the next call resumes it), and rethrows unexpected errors (database down…)
 * with the run left resumable for the job layer's retry.
 *
 * Into a textbook/exercise dataset, records are synthetic items (mapSyntheticRecord): each new snippet gets
 * its SyntheticItem and SyntheticEdit v1 in its batch's transaction, attached to the generation campaign the
 * run is linked to (an import campaign is created for it when it has none), whose counts grow with them.
 * Code datasets import exactly as before.
 */
export async function runImport(importRunId: number, ctx: TaskContext, options: RunImportOptions = {}): Promise<ImportReport> {
  const startedAt = performance.now();
  const prisma = db();
  const run = await prisma.importRun.findUnique({ where: { id: importRunId }, include: { dataset: { select: { name: true, kind: true } } } });
  if (!run) throw new Error(`import run ${importRunId} not found`);
  const synthetic: ImportCampaignLink | null = isSyntheticDatasetKind(run.dataset.kind) && run.status !== "completed" ? await syntheticLink(run) : null;

  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const state = {
    format: (run.format as ImportFormat | "unknown") ?? "unknown",
    status: run.status as ImportStatus,
    bytesTotal: run.bytesTotal,
    linesDone: run.linesDone,
    inserted: run.inserted,
    duplicates: run.duplicates,
    llmLabels: run.llmLabels,
    errorCount: run.errorCount,
    errors: parseErrors(run.errors),
    fatalError: run.fatalError ?? undefined,
  };
  const resumedFromLine = run.linesDone > 0 && run.status !== "completed" ? run.linesDone + 1 : undefined;
  const report = (): ImportReport => ({
    importId: run.id,
    dataset: run.dataset.name,
    format: state.format,
    status: state.status,
    records: state.inserted + state.duplicates + state.errorCount,
    inserted: state.inserted,
    duplicates: state.duplicates,
    llmLabels: state.llmLabels,
    errors: state.errors,
    errorCount: state.errorCount,
    ...(state.fatalError ? { fatalError: state.fatalError } : {}),
    ...(resumedFromLine ? { resumedFromLine } : {}),
    ...(synthetic ? { campaignId: synthetic.campaignId } : {}),
    bytes: state.bytesTotal,
    seconds: Math.round(performance.now() - startedAt) / 1000,
  });
  // Idempotent: a job that runs again after the import finished changes nothing.
  if (run.status === "completed") return report();

  // The batch being built: valid rows, plus the bad lines counted with it.
  let pending: SnippetInput[] = [];
  let pendingBytes = 0;
  let pendingErrors = 0;
  let errorsChanged = false;
  // Progress goes out after the first batch, then at most once a second (also while skipping lines).
  let lastProgressAt = performance.now();
  let batches = 0;
  let bytesRead = 0;
  let readerLastLine = state.linesDone;

  const flush = async (throughLine: number) => {
    if (pending.length === 0 && pendingErrors === 0 && throughLine <= state.linesDone) return;
    const result = await insertSnippetBatch(run.datasetId, pending, {
      importId: run.id,
      ...(synthetic ? { syntheticCampaignId: synthetic.campaignId } : {}),
      checkpoint: {
        importRunId: run.id,
        expectedLinesDone: state.linesDone,
        linesDone: Math.max(throughLine, state.linesDone),
        errorCount: pendingErrors,
        errorsJson: errorsChanged ? JSON.stringify(state.errors) : undefined,
      },
    });
    state.linesDone = Math.max(throughLine, state.linesDone);
    state.inserted += result.inserted;
    state.duplicates += result.duplicates;
    state.llmLabels += result.llmLabels;
    state.errorCount += pendingErrors;
    pending = [];
    pendingBytes = 0;
    pendingErrors = 0;
    errorsChanged = false;
  };
  const progress = async (force = false) => {
    const now = performance.now();
    if (!force && now - lastProgressAt < PROGRESS_INTERVAL_MS) return;
    lastProgressAt = now;
    await ctx.heartbeat();
    const records = state.inserted + state.duplicates + state.errorCount;
    // done/total is a ratio for progress bars: in KiB from 2 GiB on, so it fits a 32-bit column.
    const unit = state.bytesTotal > INT32_MAX ? 1024 : 1;
    const total = Math.floor(state.bytesTotal / unit);
    await ctx.reportProgress(Math.min(Math.floor(bytesRead / unit), total), total, `${records.toLocaleString("en-US")} records…`);
  };
  const stopIfAborted = async () => {
    if (!ctx.signal.aborted) return;
    await progress(true);
    throw new ImportInterruptedError(report());
  };
  const addError = (line: number, reason: string) => {
    pendingErrors++;
    if (state.errors.length < MAX_KEPT_ERRORS) {
      state.errors.push({ line, reason });
      errorsChanged = true;
    }
  };

  try {
    let size: number;
    try {
      size = (await fs.stat(run.filePath)).size;
    } catch (e) {
      throw new ImportFatalError(`cannot read ${run.fileName}: ${(e as Error).message}`);
    }
    state.bytesTotal = size;
    state.format = await detectFormat(run.filePath, run.fileName);
    const fileKey = await computeFileKey(run.filePath, run.fileName);
    if (state.linesDone > 0 && fileKey !== run.fileKey) {
      throw new ImportFatalError(`${run.fileName} changed since this import started (its size or first MiB differ); start a new import`);
    }
    state.status = "running";
    if (synthetic) await startImportCampaign(synthetic.campaignId);
    await prisma.importRun.update({
      where: { id: run.id },
      // fileKey: whoever created the row may have keyed it differently; from here on resuming uses ours.
      data: { status: "running", format: state.format, fileKey, bytesTotal: Math.min(size, INT32_MAX), startedAt: run.startedAt ?? new Date(), finishedAt: null, fatalError: null },
    });

    const chunks: AsyncGenerator<RowChunk> =
      state.format === "parquet"
        ? readParquet(run.filePath, { skipThrough: state.linesDone })
        : readJsonl(run.filePath, { gzip: state.format === "jsonl.gz", maxLineBytes, skipThrough: state.linesDone });
    for await (const chunk of chunks) {
      bytesRead = chunk.bytesRead;
      for (const row of chunk.rows) {
        if (row.error !== undefined) addError(row.line, row.error);
        else {
          const mapped = synthetic ? mapSyntheticRecord(row.record, synthetic.kind) : mapRecord(row.record);
          if (mapped.error !== undefined) addError(row.line, mapped.error);
          else {
            pending.push(mapped.row);
            pendingBytes += mapped.row.sizeBytes;
          }
        }
        if (pending.length + pendingErrors >= batchSize || pendingBytes >= MAX_BATCH_CONTENT_BYTES) {
          await flush(row.line);
          await progress(++batches === 1);
          await stopIfAborted();
        }
      }
      readerLastLine = chunk.lastLine;
      if (ctx.signal.aborted) {
        // Stop at this chunk boundary: commit the partial batch first (it is complete up to here).
        await flush(readerLastLine);
        await stopIfAborted();
      }
      await progress();
    }
    await flush(readerLastLine);
    state.status = "completed";
    await prisma.importRun.update({ where: { id: run.id }, data: { status: "completed", finishedAt: new Date() } });
    if (synthetic) await finishImportCampaign(synthetic.campaignId, { status: "succeeded" });
    // Query plans depend on SQLite's statistics; refresh them after a large import.
    if (dialect() === "sqlite" && state.inserted > 10_000) analyzeSqlite(rawSqlite());
    bytesRead = state.bytesTotal;
    await progress(true);
    return report();
  } catch (e) {
    if (!(e instanceof ImportFatalError)) throw e;
    // Lines before the problem are complete: keep them, then record the failure.
    await flush(readerLastLine);
    state.status = "failed";
    state.fatalError = e.message;
    await prisma.importRun.update({
      where: { id: run.id },
      data: { status: "failed", fatalError: e.message, format: state.format, bytesTotal: Math.min(state.bytesTotal, INT32_MAX), finishedAt: new Date() },
    });
    if (synthetic) await finishImportCampaign(synthetic.campaignId, { status: "failed", error: e.message });
    return report();
  }
}

/** The campaign a synthetic import feeds: the one it was linked to when queued, else a new import campaign. */
async function syntheticLink(run: { id: number; datasetId: number; fileName: string; createdById: string | null; dataset: { kind: string } }): Promise<ImportCampaignLink> {
  const found = await findImportCampaign(run.datasetId, run.id);
  if (found) return found;
  const kind = run.dataset.kind === "exercise" ? "exercise" : "textbook";
  return db().$transaction((tx) => linkImportToCampaign(tx, { datasetId: run.datasetId, importRunId: run.id, fileName: run.fileName, kind, createdById: run.createdById }));
}

function parseErrors(json: string): ImportLineError[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as ImportLineError[]) : [];
  } catch {
    return [];
  }
}
