import { thinCurve } from "./thin-curve";
import { thresholdCounts } from "./threshold-counts";

export type RocCurve = { fpr: number[]; tpr: number[]; thresholds: number[] };

/**
 * ROC points by decreasing threshold (predicted positive when score ≥ threshold), from (0, 0) to (1, 1).
 * The (0, 0) point's threshold is max(score) + 1 rather than sklearn's Infinity, so the curve survives
 * JSON. Collinear intermediate points are dropped (sklearn's drop_intermediate), then at most maxPoints
 * are kept. Empty when either class is absent.
 */
export function rocCurve(yTrue: ArrayLike<number>, scores: ArrayLike<number>, maxPoints = 200): RocCurve {
  const { thresholds, tp, fp, positives, negatives } = thresholdCounts(yTrue, scores);
  if (positives === 0 || negatives === 0) return { fpr: [], tpr: [], thresholds: [] };
  const fpr = [0];
  const tpr = [0];
  const cuts = [thresholds[0] + 1];
  for (let i = 0; i < thresholds.length; i++) {
    const x = fp[i] / negatives;
    const y = tp[i] / positives;
    const last = fpr.length - 1;
    // The previous point lies on the segment from its predecessor to this one: drop it.
    if (last >= 1 && ((fpr[last - 1] === fpr[last] && fpr[last] === x) || (tpr[last - 1] === tpr[last] && tpr[last] === y))) {
      fpr[last] = x;
      tpr[last] = y;
      cuts[last] = thresholds[i];
    } else {
      fpr.push(x);
      tpr.push(y);
      cuts.push(thresholds[i]);
    }
  }
  const keep = thinCurve(fpr, tpr, maxPoints);
  return { fpr: keep.map((i) => fpr[i]), tpr: keep.map((i) => tpr[i]), thresholds: keep.map((i) => cuts[i]) };
}
