import type { Forest, GrownTree } from "./types";

/** Concatenates trees (in tree order) into one forest, child indices made global. */
export function assembleForest(nFeatures: number, trees: readonly Pick<GrownTree, "feature" | "value" | "left">[]): Forest {
  const total = trees.reduce((sum, t) => sum + t.feature.length, 0);
  const roots = new Int32Array(trees.length);
  const feature = new Int32Array(total);
  const value = new Float32Array(total);
  const left = new Int32Array(total);
  let offset = 0;
  trees.forEach((tree, t) => {
    roots[t] = offset;
    feature.set(tree.feature, offset);
    value.set(tree.value, offset);
    for (let i = 0; i < tree.left.length; i++) left[offset + i] = tree.left[i] < 0 ? -1 : tree.left[i] + offset;
    offset += tree.feature.length;
  });
  return { nFeatures, roots, feature, value, left };
}
