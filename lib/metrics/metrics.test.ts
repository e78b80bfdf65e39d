import { describe, expect, it } from "vitest";
import { averagePrecision } from "./average-precision";
import { confusionAt } from "./confusion-at";
import { cutForPrecision } from "./cut-for-precision";
import { prCurve } from "./pr-curve";
import { precisionRecallF1 } from "./precision-recall-f1";
import { rocAuc } from "./roc-auc";
import { rocCurve } from "./roc-curve";
import { stratifiedKFold } from "./stratified-k-fold";

// Reference figures computed once with scikit-learn 1.2.1 (roc_auc_score, average_precision_score,
// roc_curve, precision_recall_curve) on the same inputs.
const Y = [0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1];
const S = [0.1, 0.4, 0.35, 0.8, 0.9, 0.4, 0.2, 0.7, 0.4, 0.05, 0.6, 0.3];

/** 1,000 rows with heavy ties: the same formulas gave sklearn AUC 0.7170547619047619, AP 0.5835498753278072. */
function tiedRows() {
  const y = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 10 < 3 ? 1 : 0));
  const s = y.map((label, i) => Math.round((((i * 37) % 101) / 100 + 0.25 * label) * 20) / 20);
  return { y, s };
}

describe("rocAuc", () => {
  it("matches scikit-learn, ties counting one half", () => {
    expect(rocAuc(Y, S)).toBeCloseTo(0.7428571428571429, 12);
    const { y, s } = tiedRows();
    expect(rocAuc(y, s)).toBeCloseTo(0.7170547619047619, 12);
  });

  it("is 1 for a perfect ranking, 0 for a reversed one, 0.5 for all ties", () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
    expect(rocAuc([0, 0, 1, 1], [0.4, 0.3, 0.2, 0.1])).toBe(0);
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
  });

  it("is null when a class is absent, and rejects bad input", () => {
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNull();
    expect(rocAuc([], [])).toBeNull();
    expect(() => rocAuc([0, 2], [0.1, 0.2])).toThrow(/must be 0 or 1/);
    expect(() => rocAuc([0, 1], [0.1, Number.NaN])).toThrow(/finite/);
    expect(() => rocAuc([0, 1], [0.1])).toThrow(/2 values/);
  });
});

describe("averagePrecision", () => {
  it("matches scikit-learn's average_precision_score", () => {
    expect(averagePrecision(Y, S)).toBeCloseTo(0.7675736961451247, 12);
    const { y, s } = tiedRows();
    expect(averagePrecision(y, s)).toBeCloseTo(0.5835498753278072, 12);
  });

  it("is 1 for a perfect ranking and null without positives", () => {
    expect(averagePrecision([0, 1, 1], [0.1, 0.8, 0.9])).toBe(1);
    expect(averagePrecision([0, 0], [0.1, 0.8])).toBeNull();
  });
});

describe("rocCurve", () => {
  it("matches scikit-learn's roc_curve (drop_intermediate)", () => {
    const c = rocCurve(Y, S);
    expect(c.fpr).toEqual([0, 0, 0.2, 0.2, 0.4, 0.4, 1]);
    expect(c.tpr.map((v) => v * 7)).toEqual([0, 1, 1, 3, 5, 7, 7].map((v) => expect.closeTo(v, 9)));
    expect(c.thresholds).toEqual([1.9, 0.9, 0.8, 0.6, 0.4, 0.3, 0.05]);
  });

  it("keeps at most maxPoints points, first and last included", () => {
    const y = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const s = y.map((label, i) => ((i * 7919) % 5000) / 5000 + label * 0.2);
    const c = rocCurve(y, s, 50);
    expect(c.fpr.length).toBeLessThanOrEqual(50);
    expect(c.fpr.length).toBeGreaterThan(40);
    expect([c.fpr[0], c.tpr[0]]).toEqual([0, 0]);
    expect([c.fpr.at(-1), c.tpr.at(-1)]).toEqual([1, 1]);
    for (let i = 1; i < c.fpr.length; i++) {
      expect(c.fpr[i]).toBeGreaterThanOrEqual(c.fpr[i - 1]);
      expect(c.tpr[i]).toBeGreaterThanOrEqual(c.tpr[i - 1]);
      expect(c.thresholds[i]).toBeLessThan(c.thresholds[i - 1]);
    }
  });

  it("is empty when a class is absent", () => {
    expect(rocCurve([0, 0], [0.1, 0.2])).toEqual({ fpr: [], tpr: [], thresholds: [] });
  });
});

describe("prCurve", () => {
  it("matches scikit-learn's precision_recall_curve, by decreasing threshold", () => {
    const c = prCurve(Y, S);
    expect(c.thresholds).toEqual([0.9, 0.8, 0.7, 0.6, 0.4, 0.35, 0.3, 0.2, 0.1, 0.05]);
    const sk = { precision: [1, 0.5, 2 / 3, 0.75, 5 / 7, 0.75, 7 / 9, 0.7, 7 / 11, 7 / 12], recall: [1, 1, 2, 3, 5, 6, 7, 7, 7, 7].map((v) => v / 7) };
    c.precision.forEach((p, i) => expect(p).toBeCloseTo(sk.precision[i], 12));
    c.recall.forEach((r, i) => expect(r).toBeCloseTo(sk.recall[i], 12));
  });

  it("is empty without positives", () => {
    expect(prCurve([0, 0], [0.1, 0.2]).precision).toEqual([]);
  });
});

describe("confusionAt and precisionRecallF1", () => {
  it("predicts positive at score ≥ cut", () => {
    expect(confusionAt(Y, S, 0.4)).toEqual({ tp: 5, fp: 2, tn: 3, fn: 2 });
    expect(confusionAt([1, 0], [0.5, 0.49], 0.5)).toEqual({ tp: 1, fp: 0, tn: 1, fn: 0 });
  });

  it("computes precision, recall and F1 with null for empty denominators", () => {
    const r = precisionRecallF1({ tp: 5, fp: 2, fn: 2 });
    expect(r.precision).toBeCloseTo(5 / 7, 12);
    expect(r.recall).toBeCloseTo(5 / 7, 12);
    expect(r.f1).toBeCloseTo(5 / 7, 12);
    expect(precisionRecallF1({ tp: 0, fp: 0, fn: 3 })).toEqual({ precision: null, recall: 0, f1: null });
    expect(precisionRecallF1({ tp: 0, fp: 2, fn: 3 })).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(precisionRecallF1({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: null, recall: null, f1: null });
  });
});

describe("cutForPrecision", () => {
  it("takes the lowest cut that reaches the target (precision is not monotone)", () => {
    // Precision by cut: 0.9 → 1, 0.6 → 0.75, 0.4 → 0.714, 0.35 → 0.75, 0.3 → 0.778, 0.2 → 0.7.
    expect(cutForPrecision(Y, S, 0.75)).toEqual({ cut: 0.3, precision: 7 / 9, recall: 1 });
    expect(cutForPrecision(Y, S, 0.8)).toEqual({ cut: 0.9, precision: 1, recall: 1 / 7 });
  });

  it("counts an exact hit as reaching the target", () => {
    const y = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0];
    const s = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.1];
    expect(cutForPrecision(y, s, 0.9)).toEqual({ cut: 0.9, precision: 0.9, recall: 1 });
  });

  it("is null when nothing reaches the target or there are no positives", () => {
    expect(cutForPrecision([1, 0, 0], [0.1, 0.5, 0.9], 0.9)).toBeNull();
    expect(cutForPrecision([0, 0], [0.1, 0.5], 0.5)).toBeNull();
  });
});

describe("stratifiedKFold", () => {
  it("spreads each class evenly and balances fold sizes", () => {
    const y = Array.from({ length: 103 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const folds = stratifiedKFold(y, 5, 42);
    const sizes = [0, 0, 0, 0, 0];
    const positives = [0, 0, 0, 0, 0];
    folds.forEach((f, i) => {
      sizes[f]++;
      positives[f] += y[i];
    });
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(Math.max(...positives) - Math.min(...positives)).toBeLessThanOrEqual(1);
    expect(positives.reduce((a, b) => a + b)).toBe(26);
  });

  it("is reproducible by seed and changes with it", () => {
    const y = Array.from({ length: 200 }, (_, i) => i % 2);
    expect(stratifiedKFold(y, 5, 7)).toEqual(stratifiedKFold(y, 5, 7));
    expect(stratifiedKFold(y, 5, 7)).not.toEqual(stratifiedKFold(y, 5, 8));
  });

  it("rejects impossible k", () => {
    expect(() => stratifiedKFold([0, 1], 1, 1)).toThrow(/≥ 2/);
    expect(() => stratifiedKFold([0, 1], 3, 1)).toThrow(/at least 3 rows/);
  });
});
