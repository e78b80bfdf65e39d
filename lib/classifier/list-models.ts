import { db } from "@/lib/db/client";
import { toModelView } from "./to-model-view";
import type { ModelView } from "./types";

/** Every model version, newest first, with its training job's progress and any re-scoring in progress. */
export async function listModels(): Promise<ModelView[]> {
  const models = await db().classifierModel.findMany({ orderBy: { version: "desc" }, include: { dataset: { select: { name: true } } } });
  const jobIds = models.map((m) => m.jobId).filter((id): id is number => id !== null);
  const [jobs, runs] = await Promise.all([
    jobIds.length ? db().job.findMany({ where: { id: { in: jobIds } } }) : [],
    db().scoreRun.findMany({ where: { status: { in: ["queued", "running"] } }, orderBy: { id: "asc" }, select: { id: true, modelId: true, status: true, activate: true, done: true, total: true } }),
  ]);
  const byId = new Map(jobs.map((j) => [j.id, j]));
  // Ascending ids: the newest live run of a model wins.
  const liveRuns = new Map(runs.map(({ modelId, ...run }) => [modelId, run]));
  return models.map((m) => toModelView(m, m.jobId === null ? null : (byId.get(m.jobId) ?? null), liveRuns.get(m.id) ?? null));
}
