import { db } from "@/lib/db/client";
import { toModelView } from "./to-model-view";
import type { ModelView } from "./types";

/** Every model version, newest first, with its training job's progress. */
export async function listModels(): Promise<ModelView[]> {
  const models = await db().classifierModel.findMany({ orderBy: { version: "desc" }, include: { dataset: { select: { name: true } } } });
  const jobIds = models.map((m) => m.jobId).filter((id): id is number => id !== null);
  const jobs = jobIds.length ? await db().job.findMany({ where: { id: { in: jobIds } } }) : [];
  const byId = new Map(jobs.map((j) => [j.id, j]));
  return models.map((m) => toModelView(m, m.jobId === null ? null : (byId.get(m.jobId) ?? null)));
}
