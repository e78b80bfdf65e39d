import { thinCurve } from "./thin-curve";
import { thresholdCounts } from "./threshold-counts";

export type PrCurve = { precision: number[]; recall: number[]; thresholds: number[] };

/**
 * Precision and recall at every distinct score (predicted positive when score ≥ threshold), by decreasing
 * threshold, i.e. increasing recall, ending at recall 1; at most maxPoints kept. Empty without positives.
 */
export function prCurve(yTrue: ArrayLike<number>, scores: ArrayLike<number>, maxPoints = 200): PrCurve {
  const { thresholds, tp, fp, positives } = thresholdCounts(yTrue, scores);
  if (positives === 0) return { precision: [], recall: [], thresholds: [] };
  const precision = Array.from(tp, (t, i) => t / (t + fp[i]));
  const recall = Array.from(tp, (t) => t / positives);
  const keep = thinCurve(recall, precision, maxPoints);
  return { precision: keep.map((i) => precision[i]), recall: keep.map((i) => recall[i]), thresholds: keep.map((i) => thresholds[i]) };
}
