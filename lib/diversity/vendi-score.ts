import { symmetricEigenvalues } from "./symmetric-eigenvalues";

export type SimilarityStats = {
  n: number;
  /** exp(Shannon entropy of the eigenvalues of K/n): the effective number of distinct items (1 … n). */
  vendi: number | null;
  /** Mean pairwise cosine distance 1 − cos over the n(n−1)/2 pairs. */
  dispersion: number | null;
};

/**
 * Vendi score (Friedman & Dieng 2023) of a cosine-similarity matrix K (n × n, unit diagonal):
 * exp(−Σ λᵢ log λᵢ) over the eigenvalues λ of K/n (they sum to 1; tiny negative ones from rounding count as
 * 0). n identical items score 1, n mutually orthogonal items score n. Also the mean pairwise cosine distance
 * ("embedding dispersion"), from the same matrix.
 */
export function similarityStats(K: Float64Array, n: number, onProgress?: (done: number, total: number) => void): SimilarityStats {
  if (n === 0) return { n, vendi: null, dispersion: null };
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sum += 1 - K[i * n + j];
  const dispersion = n > 1 ? sum / ((n * (n - 1)) / 2) : null;
  const eig = symmetricEigenvalues(K, n, onProgress);
  let h = 0;
  for (const v of eig) {
    const lambda = v / n;
    if (lambda > 0) h -= lambda * Math.log(lambda);
  }
  return { n, vendi: Math.exp(h), dispersion };
}
