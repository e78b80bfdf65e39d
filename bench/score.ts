/**
 * Re-scoring throughput: 1M snippets on SQLite (bench/lib/seed-large.ts, cached under the OS temp dir), a
 * forest of 100 trees trained on 5,000 of them, then one activating score run end to end — the plan job
 * and every chunk job (read, features, forest, upsert of snippet_score and snippet.classifierProb) —
 *   - in this process with plainContext, chunk after chunk (features + forest in the scoring threads,
 *     SYLLABUS_SCORE_THREADS, default one per core), which also gives the time split;
 *   - through the queue: one worker process (`workers/main.ts`, WORKER_CONCURRENCY=2 or
 *     BENCH_WORKER_CONCURRENCY) claiming the jobs.
 * Prints snippets/s for each (target ≥ 20,000/s on 2 cores). Asserts nothing.
 *
 *   npx tsx bench/score.ts                 # both
 *   BENCH_MODE=inprocess|worker BENCH_SNIPPETS=200000 npx tsx bench/score.ts
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cachedRowCount, seedLarge } from "./lib/seed-large";

const SNIPPETS = Number(process.env.BENCH_SNIPPETS ?? 1_000_000);
const TRAIN_ROWS = 5_000;
const MODE = process.env.BENCH_MODE ?? "both";
const WORKER_CONCURRENCY = process.env.BENCH_WORKER_CONCURRENCY ?? "2";
const FILE = path.join(os.tmpdir(), `syllabus-bench-score-${SNIPPETS}.db`);
const root = path.resolve(import.meta.dirname, "..");

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");
const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString("en-US")}/s`;

async function main() {
  if (cachedRowCount(FILE) === SNIPPETS) console.log(`using cached ${FILE}`);
  else {
    console.log(`seeding ${SNIPPETS.toLocaleString("en-US")} snippets into ${FILE} (once; a few minutes)…`);
    const r = await seedLarge({ file: FILE, snippets: SNIPPETS });
    console.log(`seeded in ${r.seconds.toFixed(0)} s`);
  }
  process.env.DATABASE_URL = `file:${FILE}`;
  process.env.SYLLABUS_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-bench-score-models-"));
  const { db, disconnectDb } = await import("../lib/db/client");
  const { closeRaw, rawSqlite } = await import("../lib/db/raw");
  const { plainContext } = await import("../lib/context");
  const { extractFeatureMatrix } = await import("../lib/classifier/features/extract-features");
  const { trainForest } = await import("../lib/classifier/forest/train-forest");
  const { DEFAULT_FOREST_PARAMS } = await import("../lib/classifier/forest/types");
  const { serializeForest } = await import("../lib/classifier/forest/serialize-forest");
  const { writeModelArtifact } = await import("../lib/classifier/write-model-artifact");
  const { createScoreRun } = await import("../lib/classifier/create-score-run");
  const { planScoreRun } = await import("../lib/classifier/plan-score-run");
  const { scoreChunk } = await import("../lib/classifier/score-chunk");
  const { scoreThreadCount, closeScorePool } = await import("../lib/classifier/score-pool");
  const { jobRegistry } = await import("../workers/registry");

  // Earlier runs' models, scores and queued jobs go, so every run writes the same 1M rows from scratch.
  const conn = rawSqlite();
  let t = performance.now();
  conn.exec(`DELETE FROM classifier_model; DELETE FROM job WHERE name LIKE 'classifier.%'; UPDATE snippet SET "classifierProb" = NULL WHERE "classifierProb" IS NOT NULL`);
  console.log(`reset in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const sample = conn.prepare(`SELECT id, content, language, path, "llmScore" FROM snippet WHERE id % ? = 0 ORDER BY id LIMIT ?`).all(Math.floor(SNIPPETS / TRAIN_ROWS), TRAIN_ROWS) as { content: string; language: string; path: string | null; llmScore: number }[];
  t = performance.now();
  const X = extractFeatureMatrix(sample);
  const y = Uint8Array.from(sample, (s) => (s.llmScore >= 3 ? 1 : 0));
  const { forest } = await trainForest({ X, nRows: sample.length, nFeatures: X.length / sample.length, y, params: { ...DEFAULT_FOREST_PARAMS, trees: 100 } });
  const bytes = serializeForest(forest);
  const artifact = await writeModelArtifact(1, bytes);
  const model = await db().classifierModel.create({
    data: { version: 1, status: "ready", cut: 0.5, artifactPath: artifact.path, artifactSha256: artifact.sha256, artifactBytes: artifact.bytes, trainedAt: new Date() },
  });
  console.log(`model: 100 trees on ${sample.length} rows in ${((performance.now() - t) / 1000).toFixed(1)} s, ${(bytes.byteLength / 1e6).toFixed(1)} MB`);

  const checkOne = async (label: string) => {
    const scores = (conn.prepare(`SELECT COUNT(*) AS n FROM snippet_score WHERE "modelId" = ?`).get(model.id) as { n: number }).n;
    const nulls = (conn.prepare(`SELECT COUNT(*) AS n FROM snippet WHERE "classifierProb" IS NULL`).get() as { n: number }).n;
    const active = await db().classifierModel.findUniqueOrThrow({ where: { id: model.id }, select: { active: true } });
    console.log(`  ${label}: ${scores.toLocaleString("en-US")} scores, ${nulls} snippets without classifierProb, model active: ${active.active}`);
  };

  if (MODE === "both" || MODE === "inprocess") {
    console.log(`\nin-process, plan then chunk after chunk, ${scoreThreadCount()} scoring thread(s), load ${load()}`);
    const { run } = await createScoreRun({ modelId: model.id, activate: true }, null, jobRegistry);
    const started = performance.now();
    t = performance.now();
    const plan = await planScoreRun({ runId: run.id, registry: jobRegistry }, plainContext());
    const planMs = performance.now() - t;
    const split = { read: 0, features: 0, predict: 0, write: 0 };
    let scored = 0;
    for (const c of await db().scoreChunk.findMany({ where: { runId: run.id }, orderBy: { id: "asc" } })) {
      const r = await scoreChunk({ chunkId: c.id }, plainContext());
      for (const k of Object.keys(split) as (keyof typeof split)[]) split[k] += r.timings[k];
      scored += r.scored;
    }
    const total = performance.now() - started;
    console.log(`  ${scored.toLocaleString("en-US")} snippets in ${(total / 1000).toFixed(1)} s: ${rate(scored, total)} end to end (${plan.chunks} chunks)`);
    const us = (ms: number) => `${((ms * 1000) / scored).toFixed(1)} µs`;
    console.log(`  wall per snippet ${us(total)}: plan ${us(planMs)}; main thread: read ${us(split.read)}, write ${us(split.write)}; scoring threads (overlapping the writes): features ${us(split.features)}, predict ${us(split.predict)}`);
    await checkOne("after");
    conn.exec(`DELETE FROM snippet_score; DELETE FROM score_run; UPDATE classifier_model SET active = 0; UPDATE snippet SET "classifierProb" = NULL`);
  }

  if (MODE === "both" || MODE === "worker") {
    console.log(`\none worker process, WORKER_CONCURRENCY=${WORKER_CONCURRENCY}, load ${load()}`);
    const started = performance.now();
    const { run } = await createScoreRun({ modelId: model.id, activate: true }, null, jobRegistry);
    const child = spawn(process.execPath, ["--import", "tsx", "workers/main.ts"], {
      cwd: root,
      env: { ...process.env, WORKER_CONCURRENCY, JOB_POLL_MS: "50", JOB_HOUSEKEEPING_MS: "0" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (;;) {
      const r = await db().scoreRun.findUniqueOrThrow({ where: { id: run.id } });
      if (r.status === "succeeded" || r.status === "failed") {
        const ms = performance.now() - started;
        console.log(`  ${r.status}: ${r.done.toLocaleString("en-US")} snippets in ${(ms / 1000).toFixed(1)} s: ${rate(r.done, ms)} end to end, worker start included`);
        if (r.startedAt && r.finishedAt) console.log(`  from plan start to last chunk: ${rate(r.done, r.finishedAt.getTime() - r.startedAt.getTime())}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await checkOne("after");
  }
  await closeScorePool();
  await disconnectDb();
  await closeRaw();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
