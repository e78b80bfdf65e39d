export type LshParams = { bands: number; rows: number; /** P(a pair at exactly the threshold becomes a candidate) */ recallAtThreshold: number };

/** Probability that a pair with Jaccard similarity s shares at least one of b bands of r rows. */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - (1 - s ** rows) ** bands;
}

function integrate(f: (s: number) => number, lo: number, hi: number, steps = 200): number {
  if (hi <= lo) return 0;
  const h = (hi - lo) / steps;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += f(lo + (i + 0.5) * h);
  return sum * h;
}

export const LSH_TARGET_RECALL = 0.95;

/**
 * Bands × rows for a Jaccard threshold. Candidates are verified afterwards (estimated Jaccard over all
 * permutations ≥ threshold), so a false candidate only costs one comparison while a missed pair is lost
 * for good: among the splits with b·r ≤ permutations whose candidate probability at the threshold is at
 * least 95 %, take the one with the least candidate mass below the threshold (∫₀ᵗ P(s) ds, the fewest
 * wasted verifications). 128 permutations at 0.8 give 18 bands × 7 rows (P(0.8) ≈ 0.985, P(0.5) ≈ 0.13).
 */
export function chooseLshParams(threshold: number, permutations: number): LshParams {
  if (!(threshold > 0 && threshold < 1)) throw new Error(`the Jaccard threshold must be in (0, 1), got ${threshold}`);
  let best: { bands: number; rows: number; p: number; waste: number } | null = null;
  let fallback: { bands: number; rows: number; p: number } | null = null;
  for (let rows = 1; rows <= permutations; rows++) {
    const bands = Math.floor(permutations / rows);
    const p = candidateProbability(threshold, bands, rows);
    if (!fallback || p > fallback.p) fallback = { bands, rows, p };
    if (p < LSH_TARGET_RECALL) continue;
    const waste = integrate((s) => candidateProbability(s, bands, rows), 0, threshold);
    if (!best || waste < best.waste) best = { bands, rows, p, waste };
  }
  const pick = best ?? fallback!;
  return { bands: pick.bands, rows: pick.rows, recallAtThreshold: pick.p };
}
