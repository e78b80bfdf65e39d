import type { TaskContext } from "@/lib/context";
import { db, dialect } from "@/lib/db/client";
import { analyzeSqlite, rawSqlite } from "@/lib/db/raw";
import { finishScoreRunIfComplete } from "./finish-score-run";
import { loadModelForest } from "./load-model-forest";
import { readChunkSnippets } from "./read-chunk-snippets";
import { scorePage } from "./score-pool";
import { writeScores } from "./write-scores";

// Snippets read, scored and written per transaction.
const PAGE = 5_000;

export type ScoreChunkResult = {
  status: "done" | "skipped" | "interrupted";
  scored: number;
  /** Milliseconds spent reading, extracting features, predicting and writing (features and prediction run in threads, overlapping the writes). */
  timings: { read: number; features: number; predict: number; write: number };
};

/**
 * The `classifier.score-chunk` job: scores the snippets of one id range with the run's model, a page at a
 * time (features → forest in worker threads → upsert of the probabilities, and snippet.classifierProb
 * when the run activates). The transaction that marks the chunk done also adds its count to the run and, when it was
 * the last pending chunk, finishes the run (and activates the model).
 *
 * Idempotent: scores are upserted by (snippet, model), so a chunk interrupted anywhere (even kill -9) is
 * simply scored again; marking it done is fenced on `pending`, so its count is added once.
 */
export async function scoreChunk(opts: { chunkId: number }, ctx: TaskContext): Promise<ScoreChunkResult> {
  const timings = { read: 0, features: 0, predict: 0, write: 0 };
  const chunk = await db().scoreChunk.findUnique({ where: { id: opts.chunkId }, include: { run: { include: { model: true } } } });
  if (!chunk || chunk.status === "done") return { status: "skipped", scored: 0, timings };
  const { run } = chunk;
  if (run.status === "cancelled" || run.status === "failed" || run.status === "succeeded") return { status: "skipped", scored: 0, timings };
  try {
    const forest = await loadModelForest(run.model);
    const sha = run.model.artifactSha256!;
    const write = async (ids: number[], probabilities: Float32Array) => {
      const t = performance.now();
      await writeScores({ modelId: run.modelId, snippetIds: ids, probabilities, setClassifierProb: run.activate });
      timings.write += performance.now() - t;
    };
    const read = async (afterId: number) => {
      const t = performance.now();
      const page = await readChunkSnippets({ after: afterId, toId: chunk.toId, datasetId: run.datasetId, limit: PAGE });
      timings.read += performance.now() - t;
      return page;
    };
    // Pipelined: while the threads score page k, this thread reads page k + 1 and writes page k - 1.
    let unwritten: { ids: number[]; probabilities: Float32Array } | null = null;
    let scored = 0;
    let page = await read(chunk.fromId - 1);
    while (page.length > 0) {
      if (ctx.signal.aborted) return { status: "interrupted", scored, timings };
      const scoring = scorePage(forest, sha, page);
      const lastId = page[page.length - 1].id;
      const next = page.length < PAGE ? [] : await read(lastId);
      if (unwritten) await write(unwritten.ids, unwritten.probabilities);
      const result = await scoring;
      timings.features += result.featuresMs;
      timings.predict += result.predictMs;
      unwritten = { ids: page.map((s) => s.id), probabilities: result.probabilities };
      scored += page.length;
      await ctx.reportProgress(scored, Math.max(scored, run.chunkSize), `scored up to snippet ${lastId}`);
      page = next;
    }
    if (unwritten) await write(unwritten.ids, unwritten.probabilities);
    const finishedRun = await db().$transaction(async (tx) => {
      const marked = await tx.scoreChunk.updateMany({ where: { id: chunk.id, status: "pending" }, data: { status: "done", scored } });
      if (marked.count === 0) return false;
      // Locks the run's row (PostgreSQL) before counting pending chunks: see finishScoreRunIfComplete.
      await tx.scoreRun.update({ where: { id: run.id }, data: { done: { increment: scored } } });
      return finishScoreRunIfComplete(tx, run.id);
    });
    // A run that rewrote classifierProb changed the distribution the P(high) filters and the uncertain
    // queue plan against; stale SQLite statistics made such a filter take seconds instead of milliseconds.
    if (finishedRun && run.activate && dialect() === "sqlite") analyzeSqlite(rawSqlite());
    await ctx.reportProgress(scored, scored, `${scored} snippets scored`);
    return { status: "done", scored, timings };
  } catch (e) {
    if (ctx.signal.aborted) return { status: "interrupted", scored: 0, timings };
    const job = chunk.jobId === null ? null : await db().job.findUnique({ where: { id: chunk.jobId }, select: { maxAttempts: true } });
    // On the last attempt the run cannot finish any more: say so on the run instead of leaving it running.
    if (!job || ctx.attempt >= job.maxAttempts) {
      await db().scoreRun.updateMany({ where: { id: run.id, status: { in: ["queued", "running"] } }, data: { status: "failed", error: `chunk ${chunk.fromId}–${chunk.toId}: ${e instanceof Error ? e.message : String(e)}`, finishedAt: new Date() } });
    }
    throw e;
  }
}
