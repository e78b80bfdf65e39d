import { thresholdCounts } from "./threshold-counts";

/**
 * The lowest cut (predicted positive when score ≥ cut) whose precision reaches targetPrecision, i.e. the
 * most recall at that precision. Precision is not monotone in the cut, so every distinct score is checked.
 * null when no cut reaches the target or there are no positives.
 */
export function cutForPrecision(yTrue: ArrayLike<number>, scores: ArrayLike<number>, targetPrecision: number): { cut: number; precision: number; recall: number } | null {
  const { thresholds, tp, fp, positives } = thresholdCounts(yTrue, scores);
  if (positives === 0) return null;
  // 9/10 must count as reaching 0.9 whatever the rounding.
  const target = targetPrecision - 1e-12;
  let best = -1;
  for (let i = 0; i < thresholds.length; i++) if (tp[i] / (tp[i] + fp[i]) >= target) best = i;
  if (best < 0) return null;
  return { cut: thresholds[best], precision: tp[best] / (tp[best] + fp[best]), recall: tp[best] / positives };
}
