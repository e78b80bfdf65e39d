import fs from "node:fs/promises";
import path from "node:path";
import type { TaskContext } from "../context";
import { db } from "../db/client";
import { linkImportToCampaign } from "../synthetic/link-import-campaign";
import { isSyntheticDatasetKind } from "../synthetic/synthetic-dataset-kind";
import { computeFileKey } from "./compute-file-key";
import { detectFormat } from "./detect-format";
import { ZImportFileOptionsSchema, type TImportFileOptions } from "./import-file.types";
import { runImport } from "./run-import";
import type { ImportReport } from "./types";

// The job entry point for uploads (the web creates the ImportRun row, a worker calls runImport).
export { runImport, type RunImportOptions } from "./run-import";

/**
 * Imports a JSONL, JSONL.gz or Parquet file into a dataset (created if missing), for the CLI, scripts and
 * tests. If an earlier import of the same file (same fileKey) into the same dataset did not complete, it
 * is resumed from its last committed line instead of starting over. The work itself is runImport's, which
 * is also what a job runs for an upload; see there for errors and interruption.
 *
 * With `kind` (or into a textbook/exercise dataset) the records are synthetic items; a new run is attached to
 * a generation campaign (`campaign`, or a new import campaign) in the transaction that creates it. Throws
 * ImportOptionsError (before anything is written) when `kind`/`campaign` do not fit the dataset.
 */
export async function importFile(options: TImportFileOptions, ctx: TaskContext): Promise<ImportReport> {
  const started = performance.now();
  const input = ZImportFileOptionsSchema.parse(options);
  const filePath = path.resolve(input.filePath);
  const fileName = input.fileName ?? path.basename(filePath);
  // Fail before touching the database when the file cannot be read at all.
  const { size } = await fs.stat(filePath);
  const fileKey = await computeFileKey(filePath, fileName);
  const format = await detectFormat(filePath, fileName).catch(() => "unknown");

  const prisma = db();
  const dataset = await ensureDataset(input.dataset, input.kind);
  const synthetic = isSyntheticDatasetKind(dataset.kind);
  if (!synthetic && input.campaign !== undefined) throw new ImportOptionsError(`--campaign applies to synthetic imports: dataset "${dataset.name}" is a ${dataset.kind} dataset (use --kind textbook|exercise with a new or synthetic dataset)`);
  const unfinished = await prisma.importRun.findFirst({
    where: { datasetId: dataset.id, fileKey, status: { not: "completed" } },
    orderBy: { id: "desc" },
  });
  const run =
    unfinished ??
    (await prisma.$transaction(async (tx) => {
      const created = await tx.importRun.create({
        // bytesTotal is a 32-bit INTEGER on PostgreSQL; the report carries the real size.
        data: { datasetId: dataset.id, fileName, filePath, fileKey, format, status: "queued", bytesTotal: Math.min(size, 2_147_483_647), createdById: input.createdById },
      });
      if (synthetic) {
        const kind = input.kind ?? (dataset.kind === "exercise" ? "exercise" : "textbook");
        await linkImportToCampaign(tx, { datasetId: dataset.id, importRunId: created.id, fileName, kind, campaign: input.campaign ?? null, createdById: input.createdById });
      }
      return created;
    }));
  if (unfinished && unfinished.filePath !== filePath) {
    await prisma.importRun.update({ where: { id: unfinished.id }, data: { filePath } });
  }
  const report = await runImport(run.id, ctx, { maxLineBytes: input.maxLineBytes, batchSize: input.batchSize });
  return { ...report, seconds: Math.round(performance.now() - started) / 1000 };
}

/** A problem with the import's options (kind or campaign that do not fit the dataset); nothing was written. */
export class ImportOptionsError extends Error {
  override name = "ImportOptionsError";
}

async function ensureDataset(name: string, kind: "textbook" | "exercise" | undefined) {
  const prisma = db();
  const existing = await prisma.dataset.findUnique({ where: { name } });
  if (existing) {
    if (kind && !isSyntheticDatasetKind(existing.kind)) {
      throw new ImportOptionsError(`dataset "${name}" is a ${existing.kind} dataset; synthetic ${kind} items go into a textbook or exercise dataset (choose another name)`);
    }
    return existing;
  }
  try {
    return await prisma.dataset.create({ data: { name, kind: kind ?? "code" } });
  } catch (e) {
    // Another import created it between our read and create.
    const raced = await prisma.dataset.findUnique({ where: { name } });
    if (raced) return raced;
    throw e;
  }
}
