import os from "node:os";
import type { Worker } from "node:worker_threads";
import { startTsWorker } from "../threads/start-ts-worker";
import { extractFeatureMatrix, type FeatureInput } from "./features/extract-features";
import { predictProba } from "./forest/predict-proba";
import type { Forest } from "./forest/types";
import type { ScoreThreadReply, ScoreThreadRequest } from "./score-thread";

export type ScoredPage = { probabilities: Float32Array; featuresMs: number; predictMs: number };

type Thread = { worker: Worker; sha: string | null; waiting: Map<number, { resolve: (r: ScoredPage) => void; reject: (e: Error) => void }> };

/** Threads used for features + prediction: SYLLABUS_SCORE_THREADS, default one per core; 1 scores inline. */
export function scoreThreadCount(): number {
  const n = Number(process.env.SYLLABUS_SCORE_THREADS);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 32) : os.availableParallelism();
}

// One pool per process, shared by every chunk job it runs (a worker at concurrency 2 queues both on it).
let pool: { threads: Thread[]; nextId: number } | null = null;

function spawnThread(): Thread {
  const worker = startTsWorker(new URL("./score-thread.ts", import.meta.url));
  // Idle threads must not keep a CLI or test process alive.
  worker.unref();
  const thread: Thread = { worker, sha: null, waiting: new Map() };
  worker.on("message", (reply: ScoreThreadReply) => {
    const w = thread.waiting.get(reply.id);
    if (!w) return;
    thread.waiting.delete(reply.id);
    if ("error" in reply) w.reject(new Error(reply.error));
    else w.resolve(reply);
  });
  const fail = (e: Error) => {
    for (const w of thread.waiting.values()) w.reject(e);
    thread.waiting.clear();
    if (pool) pool.threads = pool.threads.filter((t) => t !== thread);
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`scoring thread exited with code ${code}`)));
  return thread;
}

function ask(thread: Thread, sha: string, forest: Forest, rows: FeatureInput[]): Promise<ScoredPage> {
  const id = pool!.nextId++;
  const request: ScoreThreadRequest = { id, sha, rows, ...(thread.sha !== sha && { forest }) };
  thread.sha = sha;
  return new Promise<ScoredPage>((resolve, reject) => {
    thread.waiting.set(id, { resolve, reject });
    thread.worker.ref();
    thread.worker.postMessage(request);
  }).finally(() => {
    if (thread.waiting.size === 0) thread.worker.unref();
  });
}

/**
 * P(high) for a page of snippets: features and forest in `threads` worker threads, the page split evenly
 * between them (inline when threads is 1). Times are the slowest slice's, i.e. the wall time they add.
 */
export async function scorePage(forest: Forest, sha: string, rows: FeatureInput[], threads = scoreThreadCount()): Promise<ScoredPage> {
  if (threads <= 1 || rows.length < 64) {
    let t = performance.now();
    const X = extractFeatureMatrix(rows);
    const featuresMs = performance.now() - t;
    t = performance.now();
    return { probabilities: predictProba(forest, X, rows.length), featuresMs, predictMs: performance.now() - t };
  }
  pool ??= { threads: [], nextId: 1 };
  while (pool.threads.length < threads) pool.threads.push(spawnThread());
  const slice = Math.ceil(rows.length / threads);
  const parts = await Promise.all(pool.threads.slice(0, threads).map((t, i) => ask(t, sha, forest, rows.slice(i * slice, (i + 1) * slice))));
  const probabilities = new Float32Array(rows.length);
  let at = 0;
  for (const p of parts) {
    probabilities.set(p.probabilities, at);
    at += p.probabilities.length;
  }
  return { probabilities, featuresMs: Math.max(...parts.map((p) => p.featuresMs)), predictMs: Math.max(...parts.map((p) => p.predictMs)) };
}

/** Stops the scoring threads (tests and benchmarks; a worker process just exits). */
export async function closeScorePool(): Promise<void> {
  const threads = pool?.threads ?? [];
  pool = null;
  await Promise.all(threads.map((t) => t.worker.terminate()));
}
