import { checkBinaryInputs } from "./check-binary-inputs";

/**
 * The confusion counts at every distinct score, highest first: predicting positive when score ≥
 * thresholds[i] yields tp[i] true and fp[i] false positives. Every curve and rank metric is built on this.
 */
export type ThresholdCounts = { thresholds: Float64Array; tp: Float64Array; fp: Float64Array; positives: number; negatives: number };

export function thresholdCounts(yTrue: ArrayLike<number>, scores: ArrayLike<number>): ThresholdCounts {
  checkBinaryInputs(yTrue, scores);
  const n = scores.length;
  const sorted = Float64Array.from(scores).sort();
  // Distinct scores ascending, then each row's rank among them by binary search: no comparator sort.
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i];
  const pos = new Float64Array(distinct);
  const neg = new Float64Array(distinct);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < s) lo = mid + 1;
      else hi = mid;
    }
    if (yTrue[i] === 1) {
      pos[lo]++;
      positives++;
    } else neg[lo]++;
  }
  const thresholds = new Float64Array(distinct);
  const tp = new Float64Array(distinct);
  const fp = new Float64Array(distinct);
  let cumTp = 0;
  let cumFp = 0;
  for (let j = 0; j < distinct; j++) {
    const k = distinct - 1 - j;
    cumTp += pos[k];
    cumFp += neg[k];
    thresholds[j] = sorted[k];
    tp[j] = cumTp;
    fp[j] = cumFp;
  }
  return { thresholds, tp, fp, positives, negatives: n - positives };
}
