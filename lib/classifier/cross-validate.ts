import { predictProba } from "./forest/predict-proba";
import { trainForest } from "./forest/train-forest";
import type { ForestParams } from "./forest/types";
import { rocAuc } from "@/lib/metrics/roc-auc";

/** Rows of X whose mask equals `want`, copied into a new row-major matrix. */
export function selectRows(X: Float32Array, nFeatures: number, mask: Int32Array, fold: number, want: boolean): { X: Float32Array; rows: number[] } {
  const rows: number[] = [];
  for (let i = 0; i < mask.length; i++) if ((mask[i] === fold) === want) rows.push(i);
  const out = new Float32Array(rows.length * nFeatures);
  rows.forEach((r, k) => out.set(X.subarray(r * nFeatures, (r + 1) * nFeatures), k * nFeatures));
  return { X: out, rows };
}

/**
 * k-fold cross-validation with given fold assignments: a forest per fold trained on the other folds,
 * predicting the held-out fold. Returns the out-of-fold probability of every row and each fold's ROC AUC.
 */
export async function crossValidate(o: {
  set: { X: Float32Array; y: Uint8Array; nRows: number; nFeatures: number };
  folds: Int32Array;
  k: number;
  params: ForestParams;
  threads?: number;
  signal?: AbortSignal;
  onProgress?: (fold: number, treesDone: number) => void;
}): Promise<{ oof: Float32Array; foldRocAuc: (number | null)[] }> {
  const { set, folds, k } = o;
  const oof = new Float32Array(set.nRows);
  const foldRocAuc: (number | null)[] = [];
  for (let f = 0; f < k; f++) {
    if (o.signal?.aborted) throw o.signal.reason;
    const train = selectRows(set.X, set.nFeatures, folds, f, false);
    const test = selectRows(set.X, set.nFeatures, folds, f, true);
    const yTrain = Uint8Array.from(train.rows, (r) => set.y[r]);
    const { forest } = await trainForest({
      X: train.X, nRows: train.rows.length, nFeatures: set.nFeatures, y: yTrain, params: o.params, threads: o.threads, signal: o.signal,
      onProgress: (done) => o.onProgress?.(f, done),
    });
    const p = predictProba(forest, test.X, test.rows.length);
    test.rows.forEach((r, i) => (oof[r] = p[i]));
    foldRocAuc.push(rocAuc(Uint8Array.from(test.rows, (r) => set.y[r]), p));
  }
  return { oof, foldRocAuc };
}
