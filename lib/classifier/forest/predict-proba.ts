import type { Forest } from "./types";

/** P(class 1) per row of X (row-major, nRows × forest.nFeatures): the mean of the trees' leaf values. */
export function predictProba(forest: Forest, X: Float32Array, nRows: number): Float32Array {
  const { nFeatures, roots, feature, value, left } = forest;
  if (X.length !== nRows * nFeatures) throw new Error(`X has ${X.length} values, expected ${nRows} rows × ${nFeatures} features`);
  const out = new Float32Array(nRows);
  const nTrees = roots.length;
  for (let r = 0; r < nRows; r++) {
    const base = r * nFeatures;
    let sum = 0;
    for (let t = 0; t < nTrees; t++) {
      let node = roots[t];
      let f = feature[node];
      while (f >= 0) {
        // NaN ≤ threshold is false: missing values go right, as they were binned in training.
        node = X[base + f] <= value[node] ? left[node] : left[node] + 1;
        f = feature[node];
      }
      sum += value[node];
    }
    out[r] = nTrees > 0 ? sum / nTrees : Number.NaN;
  }
  return out;
}
