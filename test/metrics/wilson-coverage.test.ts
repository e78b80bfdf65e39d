import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/metrics/seeded-random";
import { wilsonInterval } from "@/lib/metrics/wilson-interval";

/**
 * Does the audit's 95% interval mean what it says? A synthetic kept set of 100,000 snippets with a known
 * share of truly high ones is audit-sampled uniformly (without replacement) 1,000 times with seeded
 * randomness; the Wilson interval of each sample must contain the true precision in about 95% of them.
 */
function coverage({ truePrecision, n, reps, population = 100_000, seed }: { truePrecision: number; n: number; reps: number; population?: number; seed: number }) {
  const highCount = Math.round(truePrecision * population);
  const truth = highCount / population;
  const rnd = seededRandom(seed);
  let covered = 0;
  const chosen = new Set<number>();
  for (let rep = 0; rep < reps; rep++) {
    chosen.clear();
    let high = 0;
    while (chosen.size < n) {
      const item = rnd.int(population);
      if (chosen.has(item)) continue;
      chosen.add(item);
      // Items 0 … highCount − 1 are the truly high ones: which ids they are does not matter to a uniform sample.
      if (item < highCount) high++;
    }
    const w = wilsonInterval(high, n);
    if (w.low <= truth && truth <= w.high) covered++;
  }
  return covered / reps;
}

describe("Wilson interval coverage on simulated audits", () => {
  it("contains a true precision of 0.8 in ≈95% of 1,000 samples of 200", () => {
    const c = coverage({ truePrecision: 0.8, n: 200, reps: 1000, seed: 1 });
    expect(c).toBeGreaterThanOrEqual(0.93);
    expect(c).toBeLessThanOrEqual(0.97);
  });

  it("contains a true precision of 0.95 in ≈95% of 1,000 samples of 50", () => {
    const c = coverage({ truePrecision: 0.95, n: 50, reps: 1000, seed: 2 });
    expect(c).toBeGreaterThanOrEqual(0.93);
    expect(c).toBeLessThanOrEqual(0.97);
  });

  it("holds across seeds (not one lucky seed)", () => {
    for (const seed of [3, 4, 5]) {
      const c = coverage({ truePrecision: 0.8, n: 200, reps: 1000, seed });
      expect(c).toBeGreaterThanOrEqual(0.93);
      expect(c).toBeLessThanOrEqual(0.97);
    }
  });
});
