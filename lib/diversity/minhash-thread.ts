/**
 * A MinHash thread (spawned by minhash-pool.ts): signs a batch of documents and sends the arrays back,
 * transferred. Relative imports only (see lib/threads/start-ts-worker.ts).
 */
import { parentPort } from "node:worker_threads";
import { signBatch, type SignConfig, type SignedBatch } from "./sign-batch";

export type MinhashThreadRequest = { id: number; texts: string[]; cfg: SignConfig };
export type MinhashThreadReply = ({ id: number } & SignedBatch) | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error("minhash-thread.ts runs as a worker thread (see minhash-pool.ts)");
port.on("message", (m: MinhashThreadRequest) => {
  try {
    const r = signBatch(m.texts, m.cfg);
    port.postMessage({ id: m.id, ...r } satisfies MinhashThreadReply, [r.bandKeys.buffer as ArrayBuffer, r.low16.buffer as ArrayBuffer, r.empty.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies MinhashThreadReply);
  }
});
