export type CalibrationBin = { lo: number; hi: number; count: number; meanProb: number; fracPositive: number };

/**
 * Reliability diagram data: probabilities cut into `bins` equal-width bins over [0, 1], each with its mean
 * predicted probability and observed share of positives. As scikit-learn's calibration_curve
 * (strategy="uniform"): a bin is (lo, hi] except the first, which also holds 0, and empty bins are left out.
 */
export function calibrationBins(yTrue: ArrayLike<number>, probs: ArrayLike<number>, bins = 10): CalibrationBin[] {
  if (yTrue.length !== probs.length) throw new Error(`yTrue has ${yTrue.length} values but probs has ${probs.length}`);
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins is ${bins}; it must be a positive integer`);
  const step = 1 / bins;
  const count = new Float64Array(bins);
  const sumProb = new Float64Array(bins);
  const positives = new Float64Array(bins);
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i];
    const y = yTrue[i];
    if (!(p >= 0 && p <= 1)) throw new Error(`probs[${i}] is ${p}; probabilities must lie in [0, 1]`);
    if (y !== 0 && y !== 1) throw new Error(`yTrue[${i}] is ${y}; labels must be 0 or 1`);
    // Edges are i × (1 / bins), as numpy's linspace computes them, so a value on an edge lands in the
    // same bin as in scikit-learn.
    let b = Math.min(bins - 1, Math.max(0, Math.ceil(p * bins) - 1));
    while (b > 0 && p <= b * step) b--;
    while (b < bins - 1 && p > (b + 1) * step) b++;
    count[b]++;
    sumProb[b] += p;
    positives[b] += y;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    out.push({ lo: b / bins, hi: (b + 1) / bins, count: count[b], meanProb: sumProb[b] / count[b], fracPositive: positives[b] / count[b] });
  }
  return out;
}
