import { Prisma } from "@syllabus/prisma-sqlite";
import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { SCORE_CHUNK_JOB } from "./create-score-run";
import { finishScoreRunIfComplete } from "./finish-score-run";

// Chunk rows and their jobs are written this many at a time, each batch in one transaction.
const CHUNKS_PER_TRANSACTION = 100;

export type PlanScoreRunResult = { status: "planned" | "succeeded" | "gone" | "failed"; chunks: number; total: number };

/**
 * The `classifier.score-plan` job: splits the run's snippets into id ranges of `chunkSize` snippets (every
 * chunkSize-th id is a boundary, found by a keyset seek) and writes each batch of ScoreChunk rows together
 * with their `classifier.score-chunk` jobs. The run stays `queued` while planning and becomes `running`
 * (with its total) once every chunk exists, so chunks finishing early cannot end the run.
 *
 * Idempotent: a rerun keeps the chunks already written (their jobs with them) and plans only past the
 * last one; snippets imported since then get chunks of their own.
 */
export async function planScoreRun(opts: { runId: number; registry: JobRegistry }, ctx: TaskContext): Promise<PlanScoreRunResult> {
  const { runId } = opts;
  const run = await db().scoreRun.findUnique({ where: { id: runId }, include: { model: { select: { status: true, version: true } } } });
  if (!run) return { status: "gone", chunks: 0, total: 0 };
  if (run.status === "succeeded" || run.status === "cancelled" || run.status === "failed") return { status: run.status === "succeeded" ? "succeeded" : "gone", chunks: 0, total: run.total };
  if (run.model.status !== "ready") {
    await db().scoreRun.update({ where: { id: runId }, data: { status: "failed", error: `model v${run.model.version} is ${run.model.status}`, finishedAt: new Date() } });
    return { status: "failed", chunks: 0, total: 0 };
  }
  if (!run.startedAt) await db().scoreRun.update({ where: { id: runId }, data: { startedAt: new Date() } });

  const inScope = run.datasetId === null ? Prisma.empty : Prisma.sql`AND "datasetId" = ${run.datasetId}`;
  const last = await db().scoreChunk.findFirst({ where: { runId }, orderBy: { toId: "desc" }, select: { toId: true } });
  let after = last?.toId ?? 0;
  let planned = await db().scoreChunk.count({ where: { runId } });
  for (;;) {
    if (ctx.signal.aborted) return { status: "gone", chunks: planned, total: 0 };
    const ranges: { fromId: number; toId: number }[] = [];
    while (ranges.length < CHUNKS_PER_TRANSACTION) {
      const range = await nextRange(after, run.chunkSize, inScope);
      if (!range) break;
      ranges.push(range);
      after = range.toId;
    }
    if (ranges.length === 0) break;
    await db().$transaction(async (tx) => {
      const chunks = await tx.scoreChunk.createManyAndReturn({ data: ranges.map((r) => ({ runId, ...r })), select: { id: true } });
      for (const chunk of chunks) {
        const job = await enqueueJob(tx, { name: SCORE_CHUNK_JOB, payload: { chunkId: chunk.id } }, opts.registry);
        await tx.scoreChunk.update({ where: { id: chunk.id }, data: { jobId: job.id } });
      }
    });
    planned += ranges.length;
    await ctx.reportProgress(planned, planned, `${planned} chunks planned`);
  }

  const [{ n }] = await db().$queryRaw<{ n: number | bigint }[]>(Prisma.sql`SELECT COUNT(*) AS n FROM snippet WHERE id <= ${after} ${inScope}`);
  const total = Number(n);
  const finished = await db().$transaction(async (tx) => {
    await tx.scoreRun.updateMany({ where: { id: runId, status: { in: ["queued", "running"] } }, data: { status: "running", total } });
    return finishScoreRunIfComplete(tx, runId);
  });
  ctx.log(`${planned} chunks of up to ${run.chunkSize} snippets, ${total} snippets in all`);
  return { status: finished ? "succeeded" : "planned", chunks: planned, total };
}

/** The next chunk after id `after`: from the first id past it to the chunkSize-th, or to the last id. */
async function nextRange(after: number, chunkSize: number, inScope: Prisma.Sql): Promise<{ fromId: number; toId: number } | null> {
  const [first] = await db().$queryRaw<{ id: number }[]>(Prisma.sql`SELECT id FROM snippet WHERE id > ${after} ${inScope} ORDER BY id LIMIT 1`);
  if (!first) return null;
  const [boundary] = await db().$queryRaw<{ id: number }[]>(Prisma.sql`SELECT id FROM snippet WHERE id >= ${first.id} ${inScope} ORDER BY id LIMIT 1 OFFSET ${chunkSize - 1}`);
  if (boundary) return { fromId: Number(first.id), toId: Number(boundary.id) };
  const [end] = await db().$queryRaw<{ id: number }[]>(Prisma.sql`SELECT MAX(id) AS id FROM snippet WHERE id >= ${first.id} ${inScope}`);
  return { fromId: Number(first.id), toId: Number(end.id) };
}
