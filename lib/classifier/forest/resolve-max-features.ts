import type { ForestParams } from "./types";

/** Features tried per split, as scikit-learn resolves max_features. */
export function resolveMaxFeatures(maxFeatures: ForestParams["maxFeatures"], nFeatures: number): number {
  if (maxFeatures === "sqrt") return Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  if (maxFeatures === "log2") return Math.max(1, Math.floor(Math.log2(nFeatures)));
  if (!(maxFeatures > 0)) throw new Error(`maxFeatures must be "sqrt", "log2" or a positive number (got ${maxFeatures})`);
  if (maxFeatures < 1) return Math.max(1, Math.floor(maxFeatures * nFeatures));
  if (!Number.isInteger(maxFeatures)) throw new Error(`maxFeatures ≥ 1 must be an integer count (got ${maxFeatures})`);
  return Math.min(maxFeatures, nFeatures);
}
