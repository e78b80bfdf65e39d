import os from "node:os";
import type { Worker } from "node:worker_threads";
import { startTsWorker } from "../threads/start-ts-worker";
import { signBatch, type SignConfig, type SignedBatch } from "./sign-batch";
import type { MinhashThreadReply, MinhashThreadRequest } from "./minhash-thread";

/** Threads for MinHash signatures: SYLLABUS_SCORE_THREADS (the worker's CPU budget), default one per core. */
export function minhashThreadCount(): number {
  const n = Number(process.env.SYLLABUS_SCORE_THREADS);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 32) : os.availableParallelism();
}

type Thread = { worker: Worker; waiting: Map<number, { resolve: (r: SignedBatch) => void; reject: (e: Error) => void }> };

/** Below this many documents a batch is signed inline: starting threads costs more than it saves. */
const INLINE_MAX = 256;

/**
 * A pool of MinHash threads for one report run. `sign` splits a batch evenly over the threads and
 * concatenates the results in order; with one thread (or a small batch) it signs inline. Close it when done.
 */
export class MinhashPool {
  private threads: Thread[] = [];
  private nextId = 1;

  constructor(
    private readonly cfg: SignConfig,
    readonly threadCount = minhashThreadCount(),
  ) {}

  async sign(texts: string[]): Promise<SignedBatch> {
    if (this.threadCount <= 1 || texts.length < INLINE_MAX) return signBatch(texts, this.cfg);
    while (this.threads.length < this.threadCount) this.threads.push(this.spawn());
    const slice = Math.ceil(texts.length / this.threadCount);
    const parts = await Promise.all(this.threads.map((t, i) => this.ask(t, texts.slice(i * slice, (i + 1) * slice))));
    return concat(parts, texts.length, this.cfg);
  }

  /** Starts the threads and waits until each has loaded its module (benchmarks time steady state). */
  async warm(): Promise<void> {
    if (this.threadCount <= 1) return;
    while (this.threads.length < this.threadCount) this.threads.push(this.spawn());
    await Promise.all(this.threads.map((t) => this.ask(t, ["warm up"])));
  }

  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private spawn(): Thread {
    const worker = startTsWorker(new URL("./minhash-thread.ts", import.meta.url));
    const thread: Thread = { worker, waiting: new Map() };
    worker.on("message", (reply: MinhashThreadReply) => {
      const w = thread.waiting.get(reply.id);
      if (!w) return;
      thread.waiting.delete(reply.id);
      if ("error" in reply) w.reject(new Error(reply.error));
      else w.resolve(reply);
    });
    const fail = (e: Error) => {
      for (const w of thread.waiting.values()) w.reject(e);
      thread.waiting.clear();
      this.threads = this.threads.filter((t) => t !== thread);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`minhash thread exited with code ${code}`)));
    return thread;
  }

  private ask(thread: Thread, texts: string[]): Promise<SignedBatch> {
    if (texts.length === 0) return Promise.resolve(signBatch([], this.cfg));
    const id = this.nextId++;
    const request: MinhashThreadRequest = { id, texts, cfg: this.cfg };
    return new Promise<SignedBatch>((resolve, reject) => {
      thread.waiting.set(id, { resolve, reject });
      thread.worker.postMessage(request);
    });
  }
}

function concat(parts: SignedBatch[], n: number, cfg: SignConfig): SignedBatch {
  if (parts.length === 1) return parts[0];
  const out: SignedBatch = { bandKeys: new Int32Array(n * cfg.bands), low16: new Uint16Array(n * cfg.permutations), empty: new Uint8Array(n) };
  let at = 0;
  for (const p of parts) {
    out.bandKeys.set(p.bandKeys, at * cfg.bands);
    out.low16.set(p.low16, at * cfg.permutations);
    out.empty.set(p.empty, at);
    at += p.empty.length;
  }
  return out;
}
