/**
 * A token-counting thread (spawned by count-tokens-pool.ts): o200k counts of a slice of texts, sent back as
 * a transferred Int32Array. Relative imports only (see lib/threads/start-ts-worker.ts).
 */
import { parentPort } from "node:worker_threads";
import { countTokens } from "../llm/count-tokens";

export type CountTokensRequest = { id: number; texts: string[] };
export type CountTokensReply = { id: number; counts: Int32Array } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error("count-tokens-thread.ts runs as a worker thread (see count-tokens-pool.ts)");
port.on("message", (m: CountTokensRequest) => {
  try {
    const counts = new Int32Array(m.texts.length);
    for (let i = 0; i < m.texts.length; i++) counts[i] = countTokens(m.texts[i]);
    port.postMessage({ id: m.id, counts } satisfies CountTokensReply, [counts.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies CountTokensReply);
  }
});
