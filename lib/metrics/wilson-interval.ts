export type Interval = { estimate: number | null; low: number; high: number };

/**
 * Wilson score interval for a binomial proportion (successes out of n). Unlike the normal approximation
 * it stays inside [0, 1] and keeps close to its nominal coverage for small n and proportions near 0 or 1,
 * which is where audit samples live (precision of a good filter is often above 0.9). n = 0: no estimate,
 * the whole [0, 1].
 */
export function wilsonInterval(successes: number, n: number, z = 1.959964): Interval {
  if (!Number.isInteger(n) || n < 0) throw new Error(`n is ${n}; it must be a non-negative integer`);
  if (!(successes >= 0 && successes <= n)) throw new Error(`successes is ${successes}; it must lie in [0, ${n}]`);
  if (n === 0) return { estimate: null, low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At p = 0 or 1 one bound is exactly 0 or 1 in exact arithmetic; pin it rather than show 1e-17.
  return { estimate: p, low: successes === 0 ? 0 : Math.max(0, center - half), high: successes === n ? 1 : Math.min(1, center + half) };
}
