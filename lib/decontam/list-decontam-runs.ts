import { z } from "zod";
import { db } from "@/lib/db/client";
import { DECONTAM_DEFAULTS } from "./defaults";
import type { DecontamRunStatus, DecontamRunView } from "./types";

export const ZListDecontamRuns = z.object({
  /** Runs over this dataset (and runs over every dataset). */
  datasetId: z.coerce.number().int().positive().optional(),
  ids: z.array(z.number().int().positive()).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

/** Decontamination runs, newest first, with their job's state and thresholds. */
export async function listDecontamRuns(input: z.input<typeof ZListDecontamRuns> = {}): Promise<DecontamRunView[]> {
  const { datasetId, ids, limit } = ZListDecontamRuns.parse(input);
  const runs = await db().decontamRun.findMany({
    where: { ...(ids && { id: { in: ids } }), ...(datasetId !== undefined && { OR: [{ datasetId }, { datasetId: null }] }) },
    orderBy: { id: "desc" },
    take: ids ? undefined : limit,
  });
  if (runs.length === 0) return [];
  const datasetIds = [...new Set(runs.map((r) => r.datasetId).filter((d): d is number => d !== null))];
  const jobIds = runs.map((r) => r.jobId).filter((j): j is number => j !== null);
  const benchmarkIds = [...new Set(runs.flatMap((r) => parseIds(r.benchmarkIds)))];
  const [datasets, jobs, benchmarks] = await Promise.all([
    db().dataset.findMany({ where: { id: { in: datasetIds } }, select: { id: true, name: true } }),
    db().job.findMany({ where: { id: { in: jobIds } }, select: { id: true, status: true, attempt: true, maxAttempts: true, message: true, error: true, payload: true } }),
    db().benchmark.findMany({ where: { id: { in: benchmarkIds } }, select: { id: true, name: true } }),
  ]);
  const datasetName = new Map(datasets.map((d) => [d.id, d.name]));
  const jobById = new Map(jobs.map((j) => [j.id, j]));
  const benchmarkName = new Map(benchmarks.map((b) => [b.id, b.name]));
  return runs.map((r) => {
    const job = r.jobId === null ? undefined : jobById.get(r.jobId);
    const payload = parsePayload(job?.payload);
    return {
      id: r.id,
      datasetId: r.datasetId,
      datasetName: r.datasetId === null ? null : (datasetName.get(r.datasetId) ?? null),
      ngram: r.ngram,
      minShared: payload.minShared ?? DECONTAM_DEFAULTS.minShared,
      minSubstringChars: payload.minSubstringChars ?? DECONTAM_DEFAULTS.minSubstringChars,
      benchmarks: parseIds(r.benchmarkIds).map((id) => ({ id, name: benchmarkName.get(id) ?? null })),
      status: r.status as DecontamRunStatus,
      total: r.total,
      done: r.done,
      flagged: r.flagged,
      error: r.error,
      jobId: r.jobId,
      job: job ? { status: job.status, attempt: job.attempt, maxAttempts: job.maxAttempts, message: job.message, error: job.error } : null,
      createdById: r.createdById,
      createdAt: r.createdAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    };
  });
}

function parseIds(json: string): number[] {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
}

function parsePayload(json: string | undefined): { minShared?: number; minSubstringChars?: number } {
  if (!json) return {};
  try {
    const v = JSON.parse(json);
    return { minShared: Number.isInteger(v?.minShared) ? v.minShared : undefined, minSubstringChars: Number.isInteger(v?.minSubstringChars) ? v.minSubstringChars : undefined };
  } catch {
    return {};
  }
}
