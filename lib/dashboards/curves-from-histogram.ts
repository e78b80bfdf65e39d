import type { CurveSet } from "./types";

/** Positives and negatives per probability bin (index = bin, bin k = probabilities in [k/100, (k+1)/100)). */
export type BinnedLabels = { positives: number[]; negatives: number[]; binWidth: number };

/**
 * ROC and PR curves with their areas from per-bin class counts, walking the bins from the top: exactly what
 * rocAuc / averagePrecision / rocCurve / prCurve give for probabilities rounded down to the bin edge (ties
 * within a bin count as ties). Used where the labels are a million LLM scores aggregated in SQL.
 */
export function curvesFromHistogram({ positives, negatives, binWidth }: BinnedLabels): CurveSet {
  const P = positives.reduce((s, v) => s + v, 0);
  const N = negatives.reduce((s, v) => s + v, 0);
  const empty: CurveSet = { n: P + N, positives: P, rocAuc: null, prAuc: null, roc: { fpr: [], tpr: [], thresholds: [] }, pr: { precision: [], recall: [], thresholds: [] } };
  if (P === 0) return empty;
  let tp = 0;
  let fp = 0;
  let area = 0;
  let ap = 0;
  const top = positives.length - 1;
  const roc = { fpr: [0], tpr: [0], thresholds: [top * binWidth + 1] };
  const pr: CurveSet["pr"] = { precision: [], recall: [], thresholds: [] };
  for (let b = top; b >= 0; b--) {
    if (positives[b] === 0 && negatives[b] === 0) continue;
    const prevTp = tp;
    const prevFp = fp;
    tp += positives[b];
    fp += negatives[b];
    const cut = b * binWidth;
    area += (fp - prevFp) * (tp + prevTp);
    if (tp !== prevTp) ap += ((tp - prevTp) / P) * (tp / (tp + fp));
    if (N > 0) {
      roc.fpr.push(fp / N);
      roc.tpr.push(tp / P);
      roc.thresholds.push(cut);
    }
    pr.precision.push(tp / (tp + fp));
    pr.recall.push(tp / P);
    pr.thresholds.push(cut);
  }
  return {
    n: P + N,
    positives: P,
    rocAuc: N > 0 ? area / (2 * P * N) : null,
    prAuc: ap,
    roc: N > 0 ? roc : empty.roc,
    pr,
  };
}
