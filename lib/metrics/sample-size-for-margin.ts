/** Half-width of the Wilson interval at proportion p with n observations. */
function wilsonHalfWidth(p: number, n: number, z: number): number {
  const z2 = z * z;
  return (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

/**
 * The smallest sample size whose Wilson interval at proportion p is at most ±margin wide (p = 0.5 when
 * nothing is known yet: the widest case). The half-width falls monotonically with n, so a doubling search
 * then bisection finds it exactly.
 */
export function sampleSizeForMargin(p: number, margin: number, z = 1.959964): number {
  if (!(p >= 0 && p <= 1)) throw new Error(`p is ${p}; it must lie in [0, 1]`);
  if (!(margin > 0 && margin < 0.5)) throw new Error(`margin is ${margin}; it must lie in (0, 0.5)`);
  let hi = 1;
  while (wilsonHalfWidth(p, hi, z) > margin) hi *= 2;
  let lo = hi === 1 ? 0 : hi / 2;
  // Invariant: width(lo) > margin (or lo = 0), width(hi) ≤ margin.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wilsonHalfWidth(p, mid, z) > margin) lo = mid;
    else hi = mid;
  }
  return hi;
}
