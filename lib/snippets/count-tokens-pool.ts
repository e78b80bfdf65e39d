import os from "node:os";
import type { Worker } from "node:worker_threads";
import { startTsWorker } from "../threads/start-ts-worker";
import type { CountTokensReply, CountTokensRequest } from "./count-tokens-thread";

type Thread = { worker: Worker; waiting: Map<number, { resolve: (c: Int32Array) => void; reject: (e: Error) => void }> };

/** Threads that count tokens: SYLLABUS_TOKEN_THREADS, default one per core; 1 counts inline. */
export function tokenThreadCount(): number {
  const n = Number(process.env.SYLLABUS_TOKEN_THREADS);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 32) : os.availableParallelism();
}

// One pool per process; idle threads are unref'd so they never keep a CLI or a test alive.
let pool: { threads: Thread[]; nextId: number } | null = null;

function spawnThread(): Thread {
  const worker = startTsWorker(new URL("./count-tokens-thread.ts", import.meta.url));
  worker.unref();
  const thread: Thread = { worker, waiting: new Map() };
  worker.on("message", (reply: CountTokensReply) => {
    const w = thread.waiting.get(reply.id);
    if (!w) return;
    thread.waiting.delete(reply.id);
    if ("error" in reply) w.reject(new Error(reply.error));
    else w.resolve(reply.counts);
  });
  const fail = (e: Error) => {
    for (const w of thread.waiting.values()) w.reject(e);
    thread.waiting.clear();
    if (pool) pool.threads = pool.threads.filter((t) => t !== thread);
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`token-counting thread exited with code ${code}`)));
  return thread;
}

function ask(thread: Thread, texts: string[]): Promise<Int32Array> {
  const id = pool!.nextId++;
  return new Promise<Int32Array>((resolve, reject) => {
    thread.waiting.set(id, { resolve, reject });
    thread.worker.ref();
    thread.worker.postMessage({ id, texts } satisfies CountTokensRequest);
  }).finally(() => {
    if (thread.waiting.size === 0) thread.worker.unref();
  });
}

/**
 * o200k token counts of `texts` (the real tokenizer, ~11 MB/s per thread), split evenly between the
 * threads; inline for small inputs or one thread.
 */
export async function countTokensMany(texts: string[], threads = tokenThreadCount()): Promise<Int32Array> {
  let bytes = 0;
  for (const t of texts) bytes += t.length;
  if (threads <= 1 || texts.length < 16 || bytes < 256 * 1024) {
    // Loaded on first inline use only: the o200k tables cost ~75 MB per copy (each thread has its own).
    const { countTokens } = await import("../llm/count-tokens");
    return Int32Array.from(texts, (t) => countTokens(t));
  }
  pool ??= { threads: [], nextId: 1 };
  while (pool.threads.length < threads) pool.threads.push(spawnThread());
  // Slices of about equal characters, not equal counts: one huge file must not leave a thread idle.
  const target = bytes / threads;
  const slices: string[][] = [];
  let current: string[] = [];
  let acc = 0;
  for (const t of texts) {
    current.push(t);
    acc += t.length;
    if (acc >= target && slices.length < threads - 1) {
      slices.push(current);
      current = [];
      acc = 0;
    }
  }
  if (current.length) slices.push(current);
  const parts = await Promise.all(slices.map((s, i) => ask(pool!.threads[i], s)));
  const out = new Int32Array(texts.length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Stops the counting threads that have nothing in flight, returning their memory (each holds its own o200k
 * tables): called when a long counting pass is over. The next count starts new threads.
 */
export async function releaseTokenPool(): Promise<void> {
  if (!pool) return;
  const idle = pool.threads.filter((t) => t.waiting.size === 0);
  pool.threads = pool.threads.filter((t) => t.waiting.size > 0);
  await Promise.all(idle.map((t) => t.worker.terminate()));
}

/** Stops the counting threads (tests and benchmarks; a worker process just exits). */
export async function closeTokenPool(): Promise<void> {
  const threads = pool?.threads ?? [];
  pool = null;
  await Promise.all(threads.map((t) => t.worker.terminate()));
}
