import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, expect, it } from "vitest";
import { createScoreRun } from "@/lib/classifier/create-score-run";
import { createTrainingRun } from "@/lib/classifier/create-training-run";
import { getActiveModel } from "@/lib/classifier/get-active-model";
import { trainClassifier } from "@/lib/classifier/train-classifier";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { jobRegistry } from "@/workers/registry";
import { useTestDatabase } from "../helpers/db";
import { waitFor } from "../jobs/helpers";
import { killWorkers, spawnWorker, type WorkerProcess } from "../jobs/spawn-worker";
import { seedLearnableDataset } from "./fixtures";

/**
 * Re-scoring through real worker processes: two workers share one run's chunks; a worker killed with
 * SIGKILL in the middle of a run is replaced, and the run still ends with exactly one score per snippet.
 */
const database = useTestDatabase();
const SNIPPETS = 12_000;
const workers: WorkerProcess[] = [];
let modelIds: number[] = [];

function worker(env: Record<string, string> = {}): WorkerProcess {
  // One scoring thread per worker: two workers already fill the 2 cores CI has, and a test file that starves
  // the machine starves vitest's own RPC with it (a CI run once reported an unhandled error from this file).
  const w = spawnWorker({ url: database.url(), extraJobs: "", env: { SYLLABUS_SCORE_THREADS: "1", ...env } });
  workers.push(w);
  return w;
}

async function trainModel(seed: number): Promise<number> {
  const { model } = await createTrainingRun({ datasetId: (await db().dataset.findFirstOrThrow()).id, trees: 20, folds: 3, seed, activate: false }, null, jobRegistry);
  await trainClassifier({ modelId: model.id, registry: jobRegistry }, plainContext());
  return model.id;
}

async function runOf(runId: number) {
  return db().scoreRun.findUniqueOrThrow({ where: { id: runId } });
}

async function expectExactlyOneScoreEach(modelId: number) {
  const [scores, snippets] = await Promise.all([db().snippetScore.count({ where: { modelId } }), db().snippet.count()]);
  expect(scores).toBe(snippets);
  // Every snippet has its own row: same count over distinct snippet ids as over rows.
  const distinct = await db().snippetScore.groupBy({ by: ["snippetId"], where: { modelId } });
  expect(distinct.length).toBe(snippets);
}

beforeAll(async () => {
  process.env.SYLLABUS_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-score-workers-"));
  await seedLearnableDataset("workers", SNIPPETS, { labeled: 300 });
  modelIds = [await trainModel(1), await trainModel(2)];
}, 120_000);

afterEach(async (ctx) => {
  // A failure here is usually about what the workers saw: keep their output with the report.
  if (ctx.task.result?.state === "fail") for (const w of workers) console.log(`worker ${w.child.pid} output:\n${w.output().slice(-4000)}`);
  await killWorkers(workers.splice(0));
});

it("two worker processes share one run's chunks; the run finishes and activates the model", { timeout: 180_000 }, async () => {
  const { run } = await createScoreRun({ modelId: modelIds[0], activate: true, chunkSize: 500 }, null, jobRegistry);
  const [a, b] = [worker(), worker()];
  await waitFor(async () => (await runOf(run.id)).status === "succeeded", 150_000, "run succeeded");
  const done = await runOf(run.id);
  expect(done).toMatchObject({ total: SNIPPETS, done: SNIPPETS });
  const chunks = await db().scoreChunk.findMany({ where: { runId: run.id } });
  expect(chunks).toHaveLength(SNIPPETS / 500);
  expect(chunks.every((c) => c.status === "done")).toBe(true);
  expect(chunks.reduce((s, c) => s + c.scored, 0)).toBe(SNIPPETS);
  // The run finishes inside the last chunk's transaction; its job is marked succeeded a moment later, when
  // the handler returns (after the statistics refresh), so wait for the jobs to settle.
  const chunkJobs = { where: { id: { in: chunks.map((c) => c.jobId!) } }, select: { status: true, workerId: true } } as const;
  await waitFor(async () => (await db().job.findMany(chunkJobs)).every((j) => j.status !== "running" && j.status !== "queued"), 30_000, "chunk jobs settled");
  const jobs = await db().job.findMany(chunkJobs);
  expect(jobs.every((j) => j.status === "succeeded")).toBe(true);
  expect(new Set(jobs.map((j) => j.workerId)).size).toBe(2);
  await expectExactlyOneScoreEach(modelIds[0]);
  expect(await db().snippet.count({ where: { classifierProb: null } })).toBe(0);
  expect(await getActiveModel()).toMatchObject({ id: modelIds[0] });
  for (const w of [a, b]) w.child.kill("SIGTERM");
  for (const w of [a, b]) expect((await w.exited).code).toBe(0);
});

it("a worker killed with SIGKILL mid-run: a new worker finishes it with exactly one score per snippet", { timeout: 180_000 }, async () => {
  const { run } = await createScoreRun({ modelId: modelIds[1], activate: true, chunkSize: 1_000 }, null, jobRegistry);
  const first = worker({ JOB_LEASE_MS: "2000" });
  // Two chunks done and the next one being scored: the kill lands in the middle of a chunk.
  await waitFor(
    async () => (await runOf(run.id)).done >= 2_000 && (await db().job.count({ where: { name: "classifier.score-chunk", status: "running" } })) > 0,
    120_000,
    "two chunks scored by the first worker and a third one running",
  );
  first.child.kill("SIGKILL");
  expect(await first.exited).toEqual({ code: null, signal: "SIGKILL" });
  const atKill = await runOf(run.id);
  expect(atKill.status).toBe("running");
  expect(atKill.done).toBeLessThan(SNIPPETS);
  const orphaned = await db().job.findMany({ where: { name: "classifier.score-chunk", status: "running" }, select: { id: true } });
  // Scores written by the killed chunk before it died stay; the retry overwrites them.
  const partial = await db().snippetScore.count({ where: { modelId: modelIds[1] } });
  console.log(`killed at ${atKill.done} snippets counted, ${partial} scores written, ${orphaned.length} chunk job(s) left running`);
  expect(await getActiveModel()).toMatchObject({ id: modelIds[0] });

  const second = worker({ JOB_LEASE_MS: "1000" });
  await waitFor(async () => (await runOf(run.id)).status === "succeeded", 150_000, "run succeeded");
  expect(await runOf(run.id)).toMatchObject({ total: SNIPPETS, done: SNIPPETS });
  await expectExactlyOneScoreEach(modelIds[1]);
  if (orphaned.length > 0) {
    const ids = { where: { id: { in: orphaned.map((j) => j.id) } } };
    await waitFor(async () => (await db().job.findMany(ids)).every((j) => j.status !== "running" && j.status !== "queued"), 30_000, "retried chunk jobs settled");
    const retried = await db().job.findMany(ids);
    expect(retried.every((j) => j.status === "succeeded" && j.attempt >= 2)).toBe(true);
  }
  expect(await getActiveModel()).toMatchObject({ id: modelIds[1] });
  const probs = await db().$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM snippet s JOIN snippet_score sc ON sc."snippetId" = s.id AND sc."modelId" = ${modelIds[1]} WHERE s."classifierProb" IS NULL OR ABS(s."classifierProb" - sc.probability) > 1e-9`;
  expect(Number(probs[0].n)).toBe(0);
  second.child.kill("SIGTERM");
  expect((await second.exited).code).toBe(0);
});
