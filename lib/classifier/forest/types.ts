/** Random forest parameters, named and defaulted as scikit-learn's RandomForestClassifier. */
export type ForestParams = {
  trees: number;
  /** null: grow until leaves are pure or hit minSamplesLeaf. */
  maxDepth: number | null;
  /** Fewest distinct training rows in a leaf. */
  minSamplesLeaf: number;
  /** Features tried per split: "sqrt"/"log2" of the feature count, a count (≥ 1) or a fraction (< 1). */
  maxFeatures: "sqrt" | "log2" | number;
  /** "balanced": each class weighs n / (2 · n_class), so a rare class counts as much as a common one. */
  classWeight: "balanced" | null;
  bootstrap: boolean;
  seed: number;
  /** Quantile bins per feature (≤ 256); splits are searched between bin edges. */
  maxBins?: number;
};

export const DEFAULT_FOREST_PARAMS: ForestParams = {
  trees: 100,
  maxDepth: null,
  minSamplesLeaf: 1,
  maxFeatures: "sqrt",
  classWeight: "balanced",
  bootstrap: true,
  seed: 1,
  maxBins: 255,
};

/**
 * A trained forest: every tree's nodes in flat typed arrays, trees one after another. A node with
 * feature ≥ 0 sends a row left when x[feature] ≤ value (NaN goes right), else to left + 1; a node with
 * feature −1 is a leaf and value is its P(class 1). Children always sit after their parent.
 */
export type Forest = {
  nFeatures: number;
  /** First node of each tree. */
  roots: Int32Array;
  feature: Int32Array;
  value: Float32Array;
  left: Int32Array;
};

/** One grown tree as the builder returns it (node ids local to the tree). */
export type GrownTree = {
  feature: Int32Array;
  value: Float32Array;
  left: Int32Array;
  /** Impurity decrease per feature, normalized to sum 1 (all zero for a single-leaf tree). */
  importances: Float64Array;
  /** P(class 1) for rows this tree did not see (out of bag), NaN for rows it trained on. */
  oob: Float32Array | null;
};
