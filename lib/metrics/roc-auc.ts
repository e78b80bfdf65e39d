import { thresholdCounts } from "./threshold-counts";

/**
 * Area under the ROC curve (the Mann–Whitney U statistic over positives × negatives, ties counting one
 * half). null when either class is absent.
 */
export function rocAuc(yTrue: ArrayLike<number>, scores: ArrayLike<number>): number | null {
  const { tp, fp, positives, negatives } = thresholdCounts(yTrue, scores);
  if (positives === 0 || negatives === 0) return null;
  let area = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let i = 0; i < tp.length; i++) {
    area += (fp[i] - prevFp) * (tp[i] + prevTp);
    prevTp = tp[i];
    prevFp = fp[i];
  }
  return area / (2 * positives * negatives);
}
