import { db } from "@/lib/db/client";

/** Recent imports with the progress of the job running each (newest first). */
export async function listImports(options: { datasetId?: number; limit?: number } = {}) {
  const runs = await db().importRun.findMany({
    where: options.datasetId ? { datasetId: options.datasetId } : undefined,
    orderBy: { id: "desc" },
    take: options.limit ?? 100,
    include: { dataset: { select: { name: true } } },
    omit: { errors: true },
  });
  const jobs = runs.length
    ? await db().job.findMany({
        where: { name: "corpus.import", payload: { in: runs.map((r) => JSON.stringify({ importRunId: r.id })) } },
        select: { payload: true, status: true, progressDone: true, progressTotal: true, message: true, attempt: true, error: true },
      })
    : [];
  const jobByRun = new Map(jobs.map((j) => [(JSON.parse(j.payload) as { importRunId: number }).importRunId, j]));
  return runs.map(({ dataset, filePath: _filePath, ...r }) => {
    const found = jobByRun.get(r.id);
    const job = found ? { status: found.status, progressDone: found.progressDone, progressTotal: found.progressTotal, message: found.message, attempt: found.attempt, error: found.error } : null;
    // A run whose job gave up (attempts exhausted, cancelled) will not move again: show it as failed.
    const gaveUp = job && (job.status === "failed" || job.status === "cancelled") && r.status !== "completed";
    return { ...r, status: gaveUp ? "failed" : r.status, fatalError: gaveUp ? (r.fatalError ?? job.error ?? `job ${job.status}`) : r.fatalError, dataset: dataset.name, job };
  });
}

export async function getImportErrors(id: number) {
  const run = await db().importRun.findUnique({ where: { id }, select: { errors: true, errorCount: true, fatalError: true } });
  if (!run) return null;
  return { errors: JSON.parse(run.errors) as { line: number; reason: string }[], errorCount: run.errorCount, fatalError: run.fatalError };
}
