import { thresholdCounts } from "./threshold-counts";

/**
 * Area under the precision–recall curve as scikit-learn's average_precision_score: Σ (Rₙ − Rₙ₋₁) · Pₙ over
 * the distinct scores, highest first (a step function, no interpolation). null when there are no
 * positives (recall undefined).
 */
export function averagePrecision(yTrue: ArrayLike<number>, scores: ArrayLike<number>): number | null {
  const { tp, fp, positives } = thresholdCounts(yTrue, scores);
  if (positives === 0) return null;
  let ap = 0;
  let prevTp = 0;
  for (let i = 0; i < tp.length; i++) {
    if (tp[i] !== prevTp) ap += ((tp[i] - prevTp) / positives) * (tp[i] / (tp[i] + fp[i]));
    prevTp = tp[i];
  }
  return ap;
}
