import fs from "node:fs";
import { computeFileKey } from "@/lib/corpus/compute-file-key";
import { detectFormat } from "@/lib/corpus/detect-format";
import { ImportFatalError } from "@/lib/corpus/import-errors";
import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { badRequest } from "@/lib/http/errors";
import { linkImportToCampaign } from "@/lib/synthetic/link-import-campaign";
import { isSyntheticDatasetKind } from "@/lib/synthetic/synthetic-dataset-kind";

export type QueueImportInput = {
  dataset: string;
  filePath: string;
  fileName: string;
  createdById?: string;
  /** Synthetic items: the records' default kind; a new dataset is created with it, an existing one must be synthetic. */
  kind?: "textbook" | "exercise";
  /** Synthetic items: the generation campaign to attach them to (default: a new import campaign). */
  campaignId?: number;
};

/**
 * Records an uploaded file as an ImportRun and queues the `corpus.import` job for it, in one transaction.
 * A file that cannot be imported at all (empty, a fake .parquet) becomes a failed run right away, with the
 * reason, instead of a job that would fail. Into a textbook/exercise dataset the run is attached to a
 * generation campaign in the same transaction (see linkImportToCampaign).
 */
export async function queueImport(input: QueueImportInput, registry: JobRegistry) {
  const dataset = input.dataset.trim();
  const { size } = fs.statSync(input.filePath);
  let format = "unknown";
  let fatalError: string | null = null;
  try {
    format = await detectFormat(input.filePath, input.fileName);
  } catch (e) {
    if (!(e instanceof ImportFatalError)) throw e;
    fatalError = e.message;
  }
  const fileKey = await computeFileKey(input.filePath, input.fileName);
  return db().$transaction(async (tx) => {
    const ds = await tx.dataset.upsert({ where: { name: dataset }, create: { name: dataset, ...(input.kind ? { kind: input.kind } : {}) }, update: {} });
    const synthetic = isSyntheticDatasetKind(ds.kind);
    if (input.kind && !synthetic) throw badRequest(`dataset "${ds.name}" is a ${ds.kind} dataset; synthetic ${input.kind} items go into a textbook or exercise dataset (choose another name)`);
    if (input.campaignId !== undefined && !synthetic) throw badRequest(`dataset "${ds.name}" is a ${ds.kind} dataset; only synthetic datasets have generation campaigns`);
    const run = await tx.importRun.create({
      data: {
        datasetId: ds.id,
        fileName: input.fileName,
        filePath: input.filePath,
        fileKey,
        format,
        bytesTotal: Math.min(size, 2 ** 31 - 1),
        createdById: input.createdById,
        ...(fatalError ? { status: "failed", fatalError, finishedAt: new Date() } : {}),
      },
    });
    if (synthetic) {
      const kind = input.kind ?? (ds.kind === "exercise" ? "exercise" : "textbook");
      await linkImportToCampaign(tx, { datasetId: ds.id, importRunId: run.id, fileName: input.fileName, kind, campaign: input.campaignId ?? null, createdById: input.createdById });
    }
    if (!fatalError) await enqueueJob(tx, { name: "corpus.import", payload: { importRunId: run.id } }, registry);
    return run;
  });
}
