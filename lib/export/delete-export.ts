import fs from "node:fs";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { HttpError, notFound } from "@/lib/http/errors";
import { partialDirOf } from "./export-paths";
import { ZExportId } from "./get-export";
import { readManifest } from "./read-manifest";

/**
 * Deletes an export's files (its directory and any temp directory) and its shard records; the Export row
 * stays as "deleted" so its lineage is still listed. The directory is removed only when its manifest names
 * this export: a directory someone reused is never wiped. A queued or running export must be cancelled first (409).
 */
export async function deleteExport(input: z.input<typeof ZExportId>): Promise<{ deleted: true; removedFiles: boolean }> {
  const { exportId } = ZExportId.parse(input);
  const e = await db().export.findUnique({ where: { id: exportId } });
  if (!e) throw notFound(`no export with id ${exportId}`);
  if (e.status === "queued" || e.status === "running") throw new HttpError(409, `export ${exportId} is ${e.status}: cancel it first`);
  let removedFiles = false;
  if (e.outDir && readManifest(e.outDir)?.export_id === exportId) {
    fs.rmSync(e.outDir, { recursive: true, force: true });
    removedFiles = true;
  }
  if (e.outDir) fs.rmSync(partialDirOf(e.outDir, exportId), { recursive: true, force: true });
  await db().$transaction([
    db().exportShard.deleteMany({ where: { exportId } }),
    db().export.update({ where: { id: exportId }, data: { status: "deleted" } }),
  ]);
  return { deleted: true, removedFiles };
}
