export type CohenKappaOptions = {
  /** null: unweighted; linear / quadratic: disagreements cost |i − j| or (i − j)² in label-index units. */
  weights?: "quadratic" | "linear" | null;
  /** The label set in order (default: the sorted values present in either rater); pairs with another value are ignored. */
  labels?: number[];
};

/**
 * Cohen's kappa between two raters, computed as scikit-learn's cohen_kappa_score: a confusion matrix over
 * the label set, expected counts from its margins, weights on label indices (not values). null where
 * scikit-learn gives NaN (no pairs, or no expected disagreement: both raters always gave one same label).
 */
export function cohenKappa(a: ArrayLike<number>, b: ArrayLike<number>, opts: CohenKappaOptions = {}): number | null {
  if (a.length !== b.length) throw new Error(`a has ${a.length} values but b has ${b.length}`);
  const labels = opts.labels ?? [...new Set([...Array.from(a), ...Array.from(b)])].sort((x, y) => x - y);
  const index = new Map(labels.map((l, i) => [l, i]));
  const k = labels.length;
  const confusion = new Float64Array(k * k);
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const r = index.get(a[i]);
    const c = index.get(b[i]);
    if (r === undefined || c === undefined) continue;
    confusion[r * k + c]++;
    n++;
  }
  if (n === 0) return null;
  const rowSum = new Float64Array(k);
  const colSum = new Float64Array(k);
  for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) {
    rowSum[r] += confusion[r * k + c];
    colSum[c] += confusion[r * k + c];
  }
  const weight = (r: number, c: number) =>
    opts.weights === "quadratic" ? (r - c) ** 2 : opts.weights === "linear" ? Math.abs(r - c) : r === c ? 0 : 1;
  let observed = 0;
  let expected = 0;
  for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) {
    const w = weight(r, c);
    observed += w * confusion[r * k + c];
    expected += (w * rowSum[r] * colSum[c]) / n;
  }
  return expected === 0 ? null : 1 - observed / expected;
}
