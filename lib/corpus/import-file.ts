import fs from "node:fs/promises";
import path from "node:path";
import type { TaskContext } from "../context";
import { db } from "../db/client";
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
  const dataset = await ensureDataset(input.dataset);
  const unfinished = await prisma.importRun.findFirst({
    where: { datasetId: dataset.id, fileKey, status: { not: "completed" } },
    orderBy: { id: "desc" },
  });
  const run =
    unfinished ??
    (await prisma.importRun.create({
      // bytesTotal is a 32-bit INTEGER on PostgreSQL; the report carries the real size.
      data: { datasetId: dataset.id, fileName, filePath, fileKey, format, status: "queued", bytesTotal: Math.min(size, 2_147_483_647), createdById: input.createdById },
    }));
  if (unfinished && unfinished.filePath !== filePath) {
    await prisma.importRun.update({ where: { id: unfinished.id }, data: { filePath } });
  }
  const report = await runImport(run.id, ctx, { maxLineBytes: input.maxLineBytes, batchSize: input.batchSize });
  return { ...report, seconds: Math.round(performance.now() - started) / 1000 };
}

async function ensureDataset(name: string) {
  const prisma = db();
  const existing = await prisma.dataset.findUnique({ where: { name } });
  if (existing) return existing;
  try {
    return await prisma.dataset.create({ data: { name, kind: "code" } });
  } catch (e) {
    // Another import created it between our read and create.
    const raced = await prisma.dataset.findUnique({ where: { name } });
    if (raced) return raced;
    throw e;
  }
}
