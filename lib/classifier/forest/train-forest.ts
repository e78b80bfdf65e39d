import os from "node:os";
import type { Worker } from "node:worker_threads";
import { startTsWorker } from "../../threads/start-ts-worker";
import { rocAuc } from "../../metrics/roc-auc";
import { assembleForest } from "./assemble-forest";
import { binFeatures, createBinnedMatrix } from "./bin-features";
import { growTree, type TreeData } from "./grow-tree";
import { resolveMaxFeatures } from "./resolve-max-features";
import { DEFAULT_FOREST_PARAMS, type Forest, type ForestParams, type GrownTree } from "./types";

export type TrainForestResult = {
  forest: Forest;
  /** Out-of-bag estimate: each row scored by the trees that did not train on it (null without bootstrap). */
  oob: { rocAuc: number | null; accuracy: number | null; coverage: number };
  /** Mean decrease in weighted Gini impurity per feature, summing to 1 (all zero if no tree split). */
  importances: Float64Array;
};

/** Below this many row × tree steps, starting worker threads (≈0.15 s each, tsx loading included) costs more than it saves. */
const INLINE_WORK = 500_000;

/**
 * Trains a random forest on X (row-major, nRows × nFeatures float32) and y (0/1). Trees are grown in
 * `threads` worker threads (default: all cores; 1 = in this thread, yielding between trees) sharing one
 * binned copy of X. Same params (seed included) → the same forest, whatever the thread count. Stops when
 * signal aborts (rejecting with its reason) and terminates the workers.
 */
export async function trainForest(opts: {
  X: Float32Array;
  nRows: number;
  nFeatures: number;
  y: Uint8Array;
  params: ForestParams;
  threads?: number;
  signal?: AbortSignal;
  onProgress?: (treesDone: number, trees: number) => void;
}): Promise<TrainForestResult> {
  const { X, nRows, nFeatures, y, signal, onProgress } = opts;
  const params = { ...DEFAULT_FOREST_PARAMS, ...opts.params };
  checkInputs(opts, params);
  signal?.throwIfAborted();

  const requested = opts.threads ?? (nRows * params.trees < INLINE_WORK ? 1 : os.availableParallelism());
  const threads = Math.max(1, Math.min(Math.floor(requested) || 1, params.trees));
  const shared = threads > 1;
  const binned = createBinnedMatrix({ nRows, nFeatures, maxBins: params.maxBins ?? 255, shared });
  let positives = 0;
  for (let i = 0; i < nRows; i++) positives += y[i];
  const negatives = nRows - positives;
  const data: TreeData = {
    binned,
    y: shared ? copyToShared(y) : y,
    classWeights:
      params.classWeight === "balanced" && positives > 0 && negatives > 0 ? [nRows / (2 * negatives), nRows / (2 * positives)] : [1, 1],
    maxDepth: params.maxDepth,
    minSamplesLeaf: params.minSamplesLeaf,
    mtry: resolveMaxFeatures(params.maxFeatures, nFeatures),
    bootstrap: params.bootstrap,
    seed: params.seed,
  };

  const bin = () => binFeatures(X, binned);
  let trees: GrownTree[];
  if (threads > 1) trees = await growInWorkers({ data, count: params.trees, threads, signal, onProgress, beforeFirstTree: bin });
  else {
    bin();
    trees = await growInline(data, params.trees, signal, onProgress);
  }
  return { forest: assembleForest(nFeatures, trees), oob: outOfBag(trees, y), importances: meanImportances(trees, nFeatures) };
}

function checkInputs(opts: { X: Float32Array; nRows: number; nFeatures: number; y: Uint8Array }, params: ForestParams): void {
  const { X, nRows, nFeatures, y } = opts;
  if (!Number.isInteger(nRows) || nRows < 1) throw new Error(`nRows must be a positive integer (got ${nRows})`);
  if (!Number.isInteger(nFeatures) || nFeatures < 1) throw new Error(`nFeatures must be a positive integer (got ${nFeatures})`);
  if (X.length !== nRows * nFeatures) throw new Error(`X has ${X.length} values, expected nRows × nFeatures = ${nRows * nFeatures}`);
  if (y.length !== nRows) throw new Error(`y has ${y.length} labels for ${nRows} rows`);
  for (let i = 0; i < nRows; i++) if (y[i] > 1) throw new Error(`y[${i}] is ${y[i]}; labels must be 0 or 1`);
  if (!Number.isInteger(params.trees) || params.trees < 1) throw new Error(`trees must be a positive integer (got ${params.trees})`);
  if (!Number.isInteger(params.minSamplesLeaf) || params.minSamplesLeaf < 1) throw new Error(`minSamplesLeaf must be a positive integer (got ${params.minSamplesLeaf})`);
  if (params.maxDepth !== null && (!Number.isInteger(params.maxDepth) || params.maxDepth < 1)) throw new Error(`maxDepth must be null or a positive integer (got ${params.maxDepth})`);
}

function copyToShared(y: Uint8Array): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(y.length));
  out.set(y);
  return out;
}

async function growInline(data: TreeData, count: number, signal: AbortSignal | undefined, onProgress?: (done: number, total: number) => void): Promise<GrownTree[]> {
  const trees: GrownTree[] = [];
  for (let t = 0; t < count; t++) {
    trees.push(growTree(data, t));
    onProgress?.(t + 1, count);
    // Let timers (job heartbeats) and abort events run between trees.
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
  }
  return trees;
}

function spawnWorker(data: TreeData): Worker {
  return startTsWorker(new URL("./forest-worker.ts", import.meta.url), { workerData: data });
}

/**
 * Grows the trees in `threads` workers, handing out tree indices as workers free up. beforeFirstTree runs
 * right after the workers are spawned (the binning): their start-up overlaps it.
 */
function growInWorkers(opts: {
  data: TreeData;
  count: number;
  threads: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  beforeFirstTree: () => void;
}): Promise<GrownTree[]> {
  const { data, count, threads, signal, onProgress } = opts;
  return new Promise<GrownTree[]>((resolve, reject) => {
    const trees: GrownTree[] = new Array(count);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (error: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      for (const w of workers) void w.terminate();
      if (error === undefined) resolve(trees);
      else reject(error);
    };
    const onAbort = () => finish(signal?.reason ?? new Error("aborted"));
    signal?.addEventListener("abort", onAbort, { once: true });

    for (let i = 0; i < threads; i++) {
      const worker = spawnWorker(data);
      workers.push(worker);
      const dispatch = () => {
        if (next < count) worker.postMessage({ tree: next++ });
      };
      worker.on("message", (message: { ready?: true; tree?: number; grown?: GrownTree }) => {
        if (settled) return;
        if (message.ready) return dispatch();
        trees[message.tree!] = message.grown!;
        done++;
        onProgress?.(done, count);
        if (done === count) finish(undefined);
        else dispatch();
      });
      worker.on("error", (error) => finish(error));
      worker.on("exit", (code) => {
        if (!settled) finish(new Error(`a forest worker thread exited with code ${code} before training finished`));
      });
    }
    // Synchronous: "ready" messages wait in the event loop until it is done, so no tree starts early.
    try {
      opts.beforeFirstTree();
    } catch (error) {
      finish(error);
    }
  });
}

function outOfBag(trees: readonly GrownTree[], y: Uint8Array): TrainForestResult["oob"] {
  const n = y.length;
  if (trees.some((t) => t.oob === null)) return { rocAuc: null, accuracy: null, coverage: 0 };
  // Summed in tree order, so the estimate does not depend on which thread finished first.
  const sum = new Float64Array(n);
  const votes = new Int32Array(n);
  for (const tree of trees) {
    const oob = tree.oob!;
    for (let r = 0; r < n; r++) {
      if (Number.isNaN(oob[r])) continue;
      sum[r] += oob[r];
      votes[r]++;
    }
  }
  const labels: number[] = [];
  const probs: number[] = [];
  let correct = 0;
  for (let r = 0; r < n; r++) {
    if (votes[r] === 0) continue;
    const p = sum[r] / votes[r];
    labels.push(y[r]);
    probs.push(p);
    // As sklearn's argmax: a tie at 0.5 counts as class 0.
    if ((p > 0.5 ? 1 : 0) === y[r]) correct++;
  }
  if (labels.length === 0) return { rocAuc: null, accuracy: null, coverage: 0 };
  return { rocAuc: rocAuc(labels, probs), accuracy: correct / labels.length, coverage: labels.length / n };
}

/** sklearn's feature_importances_: the mean of each tree's normalized importances (trees that split), renormalized. */
function meanImportances(trees: readonly GrownTree[], nFeatures: number): Float64Array {
  const out = new Float64Array(nFeatures);
  for (const tree of trees) for (let f = 0; f < nFeatures; f++) out[f] += tree.importances[f];
  let total = 0;
  for (let f = 0; f < nFeatures; f++) total += out[f];
  if (total > 0) for (let f = 0; f < nFeatures; f++) out[f] /= total;
  return out;
}
