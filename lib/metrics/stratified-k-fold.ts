import { seededRandom } from "./seeded-random";

/**
 * A fold index (0…k−1) per row for stratified k-fold cross-validation: each class is shuffled with the seed
 * and dealt round-robin, the deal continuing across classes, so every fold gets each class's share (±1)
 * and fold sizes differ by at most one. Same (y, k, seed) → same folds.
 */
export function stratifiedKFold(y: ArrayLike<number>, k: number, seed: number): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new Error(`k must be an integer ≥ 2 (got ${k})`);
  if (k > y.length) throw new Error(`k = ${k} folds need at least ${k} rows (got ${y.length})`);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < y.length; i++) {
    const rows = byClass.get(y[i]);
    if (rows) rows.push(i);
    else byClass.set(y[i], [i]);
  }
  const random = seededRandom(seed);
  const folds = new Int32Array(y.length);
  let dealt = 0;
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = byClass.get(label)!;
    for (let i = rows.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    for (const row of rows) folds[row] = dealt++ % k;
  }
  return folds;
}
