import fs from "node:fs";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { partialDirOf } from "./export-paths";
import { getExport, ZExportId } from "./get-export";
import type { ExportDetail } from "./types";
import type { z } from "zod";

/**
 * Cancels an export through its job: a queued one at once (nothing was written), a running one at its
 * next batch — the worker then removes the temp directory and marks it cancelled. A finished export is a 400.
 */
export async function cancelExport(input: z.input<typeof ZExportId>): Promise<ExportDetail> {
  const { exportId } = ZExportId.parse(input);
  const stopped = await db().$transaction(async (tx) => {
    const e = await tx.export.findUnique({ where: { id: exportId } });
    if (!e) throw notFound(`no export with id ${exportId}`);
    if (e.status === "succeeded" || e.status === "cancelled" || e.status === "deleted" || e.status === "failed") throw badRequest(`export ${exportId} is already ${e.status}`);
    const job = e.jobId === null ? null : await cancelJob(e.jobId, tx);
    if (job?.status === "running") return null;
    await tx.export.update({ where: { id: exportId }, data: { status: "cancelled", finishedAt: new Date() } });
    return e;
  });
  // Cancelled before a worker ran it (or after its job ended): clean anything an earlier attempt left.
  if (stopped) fs.rmSync(partialDirOf(stopped.outDir, exportId), { recursive: true, force: true });
  return getExport({ exportId });
}
