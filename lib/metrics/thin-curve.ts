/**
 * Indices of at most maxPoints points of a curve, spread evenly along its length (L1 distance), always
 * keeping the first and the last: charts get the curve's shape without one point per distinct score.
 */
export function thinCurve(xs: ArrayLike<number>, ys: ArrayLike<number>, maxPoints: number): number[] {
  const n = xs.length;
  if (n <= maxPoints || n <= 2) return Array.from({ length: n }, (_, i) => i);
  const limit = Math.max(2, Math.floor(maxPoints));
  const along = new Float64Array(n);
  for (let i = 1; i < n; i++) along[i] = along[i - 1] + Math.abs(xs[i] - xs[i - 1]) + Math.abs(ys[i] - ys[i - 1]);
  const total = along[n - 1];
  const kept = [0];
  let i = 1;
  for (let k = 1; k < limit - 1; k++) {
    const target = (total * k) / (limit - 1);
    while (i < n - 1 && along[i] < target) i++;
    if (i < n - 1 && i > kept[kept.length - 1]) kept.push(i);
  }
  kept.push(n - 1);
  return kept;
}
