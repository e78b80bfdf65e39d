import { describe, expect, it } from "vitest";
import { calibrationBins } from "./calibration-bins";
import { cohenKappa } from "./cohen-kappa";
import { krippendorffAlpha } from "./krippendorff-alpha";
import { sampleSizeForMargin } from "./sample-size-for-margin";
import { wilsonInterval } from "./wilson-interval";

describe("wilsonInterval", () => {
  it("matches the textbook figures", () => {
    // 8 of 10 at z = 1.96: [0.4902, 0.9433] (Newcombe 1998, method 3).
    const w = wilsonInterval(8, 10);
    expect(w.estimate).toBe(0.8);
    expect(w.low).toBeCloseTo(0.4902, 4);
    expect(w.high).toBeCloseTo(0.9433, 4);
    // 0 of 10: the lower bound is exactly 0, the upper z²/(n + z²).
    const z = 1.959964;
    expect(wilsonInterval(0, 10)).toEqual({ estimate: 0, low: 0, high: expect.closeTo((z * z) / (10 + z * z), 12) });
    const all = wilsonInterval(50, 50);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(50 / (50 + z * z), 12);
  });

  it("is symmetric in successes and failures and narrows with n", () => {
    const a = wilsonInterval(30, 200);
    const b = wilsonInterval(170, 200);
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(a.high).toBeCloseTo(1 - b.low, 12);
    expect(wilsonInterval(800, 1000).high - wilsonInterval(800, 1000).low).toBeLessThan(b.high - b.low);
  });

  it("has no estimate at n = 0 and rejects impossible counts", () => {
    expect(wilsonInterval(0, 0)).toEqual({ estimate: null, low: 0, high: 1 });
    expect(() => wilsonInterval(3, 2)).toThrow(/successes/);
    expect(() => wilsonInterval(1, 2.5)).toThrow(/integer/);
  });
});

describe("sampleSizeForMargin", () => {
  const halfWidth = (p: number, n: number) => {
    const w = wilsonInterval(Math.round(p * n), n);
    return (w.high - w.low) / 2;
  };

  it("finds the smallest n whose Wilson interval is within ±margin", () => {
    // Worked by hand: at p = 0.5 the half-width is 0.050021 at n = 380 and 0.049956 at n = 381.
    expect(sampleSizeForMargin(0.5, 0.05)).toBe(381);
    expect(sampleSizeForMargin(0.5, 0.03)).toBe(1064);
    // At p = 0.5 with an even n the interval is that of n/2 successes: check both sides of the answer.
    for (const m of [0.05, 0.03, 0.02]) {
      const n = sampleSizeForMargin(0.5, m);
      const even = n % 2 === 0 ? n : n + 1;
      expect(halfWidth(0.5, even)).toBeLessThanOrEqual(m);
      expect(halfWidth(0.5, even - 2)).toBeGreaterThan(m);
    }
  });

  it("needs fewer labels near 0 or 1 than at 0.5", () => {
    expect(sampleSizeForMargin(0.95, 0.05)).toBeLessThan(sampleSizeForMargin(0.8, 0.05));
    expect(sampleSizeForMargin(0.8, 0.05)).toBeLessThan(sampleSizeForMargin(0.5, 0.05));
    expect(sampleSizeForMargin(0, 0.05)).toBeGreaterThan(0);
    expect(() => sampleSizeForMargin(0.5, 0)).toThrow(/margin/);
  });
});

describe("cohenKappa", () => {
  it("matches hand-computed values", () => {
    // Confusion [[2, 0], [1, 1]]: p_o = 3/4, p_e = 1/2 → 0.5.
    expect(cohenKappa([0, 1, 1, 0], [0, 1, 0, 0])).toBeCloseTo(0.5, 12);
    expect(cohenKappa([1, 2, 3], [1, 2, 3])).toBe(1);
    // Quadratic weights on three labels: observed Σw·O = 1 + 1 = 2, expected Σw·E = 11/2 → 1 − 4/11.
    expect(cohenKappa([0, 1, 2, 2], [0, 2, 1, 2], { weights: "quadratic" })).toBeCloseTo(7 / 11, 12);
  });

  it("weights by label index, honors an explicit label set and is null without expected disagreement", () => {
    // Values 0 and 5 are indices 0 and 1 when the labels are inferred, but 0 and 5 with labels 0–5.
    const inferred = cohenKappa([0, 5, 5, 0], [0, 5, 0, 0], { weights: "quadratic" });
    const explicit = cohenKappa([0, 5, 5, 0], [0, 5, 0, 0], { weights: "quadratic", labels: [0, 1, 2, 3, 4, 5] });
    expect(inferred).toBeCloseTo(explicit!, 12); // a single distance: the scale cancels out
    expect(cohenKappa([2, 2], [2, 2])).toBeNull();
    expect(cohenKappa([], [])).toBeNull();
    expect(() => cohenKappa([1], [1, 2])).toThrow(/values/);
  });
});

describe("krippendorffAlpha", () => {
  it("reproduces Krippendorff's (2011) binary example: 0.095", () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(krippendorffAlpha(a.map((x, i) => [x, b[i]]), "nominal")).toBeCloseTo(0.095, 3);
  });

  it("reproduces Krippendorff's (2011) four-coder example with missing values", () => {
    const NA = null;
    // Coders A–D (rows) × units 1–12 (columns), "Computing Krippendorff's Alpha-Reliability", section C.
    const table = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3],
      [NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA],
    ];
    const units = table[0].map((_, u) => table.map((row) => row[u]).filter((x): x is number => x !== null));
    expect(krippendorffAlpha(units, "nominal")).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, "ordinal")).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(units, "interval")).toBeCloseTo(0.849, 3);
  });

  it("is 1 for perfect agreement and null when nothing is pairable or only one value occurs", () => {
    expect(krippendorffAlpha([[1, 1], [2, 2, 2], [3, 3]], "interval")).toBe(1);
    expect(krippendorffAlpha([[1], [2]], "nominal")).toBeNull();
    expect(krippendorffAlpha([[4, 4], [4, 4]], "nominal")).toBeNull();
  });
});

describe("calibrationBins", () => {
  it("bins (lo, hi] with 0 in the first bin and leaves empty bins out", () => {
    const bins = calibrationBins([0, 1, 1, 0, 1], [0, 0.1, 0.15, 0.95, 1], 10);
    expect(bins).toEqual([
      { lo: 0, hi: 0.1, count: 2, meanProb: 0.05, fracPositive: 0.5 },
      { lo: 0.1, hi: 0.2, count: 1, meanProb: 0.15, fracPositive: 1 },
      { lo: 0.9, hi: 1, count: 2, meanProb: 0.975, fracPositive: 0.5 },
    ]);
    expect(calibrationBins([], [])).toEqual([]);
    expect(() => calibrationBins([1], [1.5])).toThrow(/probabilities/);
  });
});
