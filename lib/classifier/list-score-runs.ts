import { db } from "@/lib/db/client";
import { toScoreRunView } from "./to-model-view";
import type { ScoreRunView } from "./types";

/** Score runs, newest first (of one model, or a given list of ids), with chunk counts and their plan job's state. */
export async function listScoreRuns(where: { modelId?: number; ids?: number[] } = {}, limit = 50): Promise<ScoreRunView[]> {
  const runs = await db().scoreRun.findMany({
    where: { modelId: where.modelId, ...(where.ids && { id: { in: where.ids } }) },
    orderBy: { id: "desc" },
    take: limit,
    include: { model: { select: { version: true } } },
  });
  if (runs.length === 0) return [];
  const runIds = runs.map((r) => r.id);
  const [chunkCounts, jobs, datasets] = await Promise.all([
    db().scoreChunk.groupBy({ by: ["runId", "status"], where: { runId: { in: runIds } }, _count: { _all: true } }),
    db().job.findMany({ where: { id: { in: runs.map((r) => r.jobId).filter((id): id is number => id !== null) } } }),
    db().dataset.findMany({ where: { id: { in: runs.map((r) => r.datasetId).filter((id): id is number => id !== null) } }, select: { id: true, name: true } }),
  ]);
  const jobById = new Map(jobs.map((j) => [j.id, j]));
  const nameById = new Map(datasets.map((d) => [d.id, d.name]));
  const now = new Date();
  return runs.map((r) => {
    const counts = chunkCounts.filter((c) => c.runId === r.id);
    return toScoreRunView(r, {
      datasetName: r.datasetId === null ? null : (nameById.get(r.datasetId) ?? null),
      chunks: counts.reduce((s, c) => s + c._count._all, 0),
      chunksDone: counts.filter((c) => c.status === "done").reduce((s, c) => s + c._count._all, 0),
      job: r.jobId === null ? null : (jobById.get(r.jobId) ?? null),
    }, now);
  });
}
