import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { listScoreRuns } from "./list-score-runs";
import { toModelDetail } from "./to-model-view";
import type { ModelDetail } from "./types";

/** One model version with parsed params, data snapshot, metrics (curves included), top importances and its score runs; 404 when unknown. */
export async function getModel(id: number): Promise<ModelDetail> {
  const m = await db().classifierModel.findUnique({ where: { id }, include: { dataset: { select: { name: true } } } });
  if (!m) throw notFound(`no model with id ${id}`);
  const job = m.jobId === null ? null : await db().job.findUnique({ where: { id: m.jobId } });
  return toModelDetail(m, job, await listScoreRuns({ modelId: id }));
}

/** The id of model version `version`; 404 when there is none. */
export async function modelIdOfVersion(version: number): Promise<number> {
  const m = await db().classifierModel.findUnique({ where: { version }, select: { id: true } });
  if (!m) throw notFound(`no model version v${version}`);
  return m.id;
}
