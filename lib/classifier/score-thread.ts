/**
 * A scoring thread (spawned by score-pool.ts): features + forest prediction for a slice of snippets.
 * The forest arrives once per thread and model (keyed by its sha256); every { rows } message gets the
 * probabilities back, transferred. Relative imports only: tsx resolves "@/" from the current directory's
 * tsconfig inside a worker thread, not from this repository's.
 */
import { parentPort } from "node:worker_threads";
import { extractFeatureMatrix, type FeatureInput } from "./features/extract-features";
import { predictProba } from "./forest/predict-proba";
import type { Forest } from "./forest/types";

export type ScoreThreadRequest = { id: number; sha: string; forest?: Forest; rows: FeatureInput[] };
export type ScoreThreadReply = { id: number; probabilities: Float32Array; featuresMs: number; predictMs: number } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error("score-thread.ts runs as a worker thread (see score-pool.ts)");
const forests = new Map<string, Forest>();
port.on("message", (m: ScoreThreadRequest) => {
  try {
    if (m.forest) {
      forests.clear();
      forests.set(m.sha, m.forest);
    }
    const forest = forests.get(m.sha);
    if (!forest) throw new Error(`scoring thread has no forest ${m.sha.slice(0, 8)}`);
    let t = performance.now();
    const X = extractFeatureMatrix(m.rows);
    const featuresMs = performance.now() - t;
    t = performance.now();
    const probabilities = predictProba(forest, X, m.rows.length);
    const reply: ScoreThreadReply = { id: m.id, probabilities, featuresMs, predictMs: performance.now() - t };
    port.postMessage(reply, [probabilities.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ScoreThreadReply);
  }
});
