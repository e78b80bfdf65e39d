import { checkBinaryInputs } from "./check-binary-inputs";

export type ConfusionCounts = { tp: number; fp: number; tn: number; fn: number };

/** Confusion counts when predicting positive for score ≥ cut. */
export function confusionAt(yTrue: ArrayLike<number>, scores: ArrayLike<number>, cut: number): ConfusionCounts {
  checkBinaryInputs(yTrue, scores);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const predicted = scores[i] >= cut;
    if (yTrue[i] === 1) {
      if (predicted) tp++;
      else fn++;
    } else if (predicted) fp++;
    else tn++;
  }
  return { tp, fp, tn, fn };
}
