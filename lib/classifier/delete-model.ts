import fs from "node:fs/promises";
import { db } from "@/lib/db/client";
import { HttpError, notFound } from "@/lib/http/errors";

/**
 * Deletes a model version that is not active: its scores and score runs go with it (cascade), then its
 * artifact file. A model still training is refused (its job would write to a deleted row).
 */
export async function deleteModel(id: number): Promise<{ deleted: true; version: number }> {
  const m = await db().classifierModel.findUnique({ where: { id } });
  if (!m) throw notFound(`no model with id ${id}`);
  if (m.active) throw new HttpError(409, `model v${m.version} is active: activate another model first`);
  if (m.status === "training" && m.jobId !== null) {
    const job = await db().job.findUnique({ where: { id: m.jobId }, select: { status: true } });
    if (job && (job.status === "queued" || job.status === "running")) throw new HttpError(409, `model v${m.version} is still training`);
  }
  const deleted = await db().classifierModel.deleteMany({ where: { id, active: false } });
  if (deleted.count === 0) throw new HttpError(409, `model v${m.version} became active meanwhile`);
  if (m.artifactPath) await fs.rm(m.artifactPath, { force: true });
  return { deleted: true, version: m.version };
}
