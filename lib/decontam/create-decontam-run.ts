import { z } from "zod";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { DECONTAM_DEFAULTS, DECONTAM_JOB, DECONTAM_LIMITS } from "./defaults";
import { getDecontamRun } from "./get-decontam-run";
import type { DecontamRunDetail } from "./types";

const { ngram, minShared, minSubstringChars } = DECONTAM_LIMITS;

export const ZCreateDecontamRun = z.object({
  /** One dataset; null or absent: every dataset. */
  datasetId: z.coerce.number().int().positive().nullish(),
  ngram: z.coerce.number().int().min(ngram.min, `ngram must be ${ngram.min}–${ngram.max}`).max(ngram.max, `ngram must be ${ngram.min}–${ngram.max}`).default(DECONTAM_DEFAULTS.ngram),
  /** Benchmarks to check against; empty or absent: all. */
  benchmarkIds: z.array(z.coerce.number().int().positive()).max(100).default([]),
  minShared: z.coerce.number().int().min(minShared.min, `minShared must be ${minShared.min}–${minShared.max}`).max(minShared.max, `minShared must be ${minShared.min}–${minShared.max}`).default(DECONTAM_DEFAULTS.minShared),
  minSubstringChars: z.coerce
    .number()
    .int()
    .min(minSubstringChars.min, `minSubstringChars must be ${minSubstringChars.min}–${minSubstringChars.max}`)
    .max(minSubstringChars.max, `minSubstringChars must be ${minSubstringChars.min}–${minSubstringChars.max}`)
    .default(DECONTAM_DEFAULTS.minSubstringChars),
});
export type TCreateDecontamRun = z.input<typeof ZCreateDecontamRun>;

/**
 * Asks for a check of one dataset's snippets (or every dataset's) against benchmarks: a DecontamRun and its
 * `decontam.run` job in one transaction. Unknown dataset or benchmark ids are 404s; no benchmark item at
 * all is a 400 that says how to import one.
 */
export async function createDecontamRun(input: TCreateDecontamRun, userId: string | null, registry: JobRegistry): Promise<{ run: DecontamRunDetail; jobId: number }> {
  const v = ZCreateDecontamRun.parse(input);
  const datasetId = v.datasetId ?? null;
  if (datasetId !== null && !(await db().dataset.findUnique({ where: { id: datasetId }, select: { id: true } }))) throw notFound(`no dataset with id ${datasetId}`);
  const benchmarkIds = [...new Set(v.benchmarkIds)].sort((a, b) => a - b);
  if (benchmarkIds.length) {
    const found = await db().benchmark.findMany({ where: { id: { in: benchmarkIds } }, select: { id: true } });
    const missing = benchmarkIds.filter((id) => !found.some((b) => b.id === id));
    if (missing.length) throw notFound(`no benchmark with id ${missing.join(", ")}`);
  }
  const items = await db().benchmarkItem.count({ where: benchmarkIds.length ? { benchmarkId: { in: benchmarkIds } } : {} });
  if (items === 0) throw badRequest(benchmarkIds.length ? "the chosen benchmarks have no items" : "no benchmark to check against: import one first (Decontam page, or `npx syllabus benchmark import HumanEval.jsonl.gz`)");

  const { runId, jobId } = await db().$transaction(async (tx) => {
    const run = await tx.decontamRun.create({ data: { datasetId, ngram: v.ngram, benchmarkIds: JSON.stringify(benchmarkIds), createdById: userId } });
    const job = await enqueueJob(tx, { name: DECONTAM_JOB, payload: { runId: run.id, minShared: v.minShared, minSubstringChars: v.minSubstringChars } }, registry);
    await tx.decontamRun.update({ where: { id: run.id }, data: { jobId: job.id } });
    return { runId: run.id, jobId: job.id };
  });
  return { run: await getDecontamRun({ runId }), jobId };
}
