import { z } from "zod";
import { db } from "@/lib/db/client";
import { toExecRunView } from "./to-exec-run-view";
import type { ExecRunView } from "./types";

export const ZListExecRuns = z.object({
  datasetId: z.coerce.number().int().positive().optional(),
  /** Only one-item runs of this snippet. */
  snippetId: z.coerce.number().int().positive().optional(),
  ids: z.array(z.number().int().positive()).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListExecRuns = z.input<typeof ZListExecRuns>;

/** Execution runs, newest first, with their job's state folded into the status. */
export async function listExecRuns(input: TListExecRuns = {}): Promise<ExecRunView[]> {
  const v = ZListExecRuns.parse(input);
  const runs = await db().execRun.findMany({
    where: { datasetId: v.datasetId, snippetId: v.snippetId, ...(v.ids ? { id: { in: v.ids } } : {}) },
    orderBy: { id: "desc" },
    take: v.limit,
  });
  if (!runs.length) return [];
  const [datasets, jobs] = await Promise.all([
    db().dataset.findMany({ where: { id: { in: [...new Set(runs.map((r) => r.datasetId))] } }, select: { id: true, name: true } }),
    db().job.findMany({ where: { id: { in: runs.flatMap((r) => (r.jobId === null ? [] : [r.jobId])) } } }),
  ]);
  const names = new Map(datasets.map((d) => [d.id, d.name]));
  const jobById = new Map(jobs.map((j) => [j.id, j]));
  return runs.map((r) => toExecRunView({ ...r, datasetName: names.get(r.datasetId) ?? `#${r.datasetId}` }, r.jobId === null ? null : (jobById.get(r.jobId) ?? null)));
}
