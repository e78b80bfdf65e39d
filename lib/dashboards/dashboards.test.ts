import { describe, expect, it } from "vitest";
import { averagePrecision } from "@/lib/metrics/average-precision";
import { prCurve } from "@/lib/metrics/pr-curve";
import { rocAuc } from "@/lib/metrics/roc-auc";
import { rocCurve } from "@/lib/metrics/roc-curve";
import { seededRandom } from "@/lib/metrics/seeded-random";
import { curvesFromHistogram } from "./curves-from-histogram";
import { estimateThresholdCurve } from "./estimate-threshold-curve";

describe("curvesFromHistogram", () => {
  it("equals the exact metrics on probabilities rounded down to the bin", () => {
    const rng = seededRandom(7);
    const rand = () => rng.float();
    for (let rep = 0; rep < 20; rep++) {
      const n = 50 + Math.floor(rand() * 500);
      const y: number[] = [];
      const p: number[] = [];
      const positives = new Array(101).fill(0);
      const negatives = new Array(101).fill(0);
      for (let i = 0; i < n; i++) {
        const label = rand() < 0.3 ? 1 : 0;
        const bin = Math.min(100, Math.floor((label ? 0.3 + rand() * 0.7 : rand() * 0.8) * 100));
        y.push(label);
        p.push(bin / 100);
        (label ? positives : negatives)[bin]++;
      }
      const c = curvesFromHistogram({ positives, negatives, binWidth: 0.01 });
      expect(c.rocAuc).toBeCloseTo(rocAuc(y, p)!, 12);
      expect(c.prAuc).toBeCloseTo(averagePrecision(y, p)!, 12);
      const exactRoc = rocCurve(y, p, 1000);
      // Ours keeps every bin (no drop of collinear points), so the exact curve's points are a subset.
      for (let k = 0; k < exactRoc.fpr.length; k++) {
        const j = c.roc.thresholds.findIndex((t) => Math.abs(t - exactRoc.thresholds[k]) < 1e-9);
        if (k > 0) expect([c.roc.fpr[j], c.roc.tpr[j]]).toEqual([exactRoc.fpr[k], exactRoc.tpr[k]]);
      }
      const exactPr = prCurve(y, p, 1000);
      expect(c.pr.precision).toEqual(exactPr.precision);
      expect(c.pr.recall).toEqual(exactPr.recall);
    }
  });

  it("is empty without positives and has no ROC without negatives", () => {
    expect(curvesFromHistogram({ positives: [0, 0], negatives: [3, 1], binWidth: 0.5 })).toMatchObject({ n: 4, positives: 0, rocAuc: null, prAuc: null });
    const c = curvesFromHistogram({ positives: [1, 2], negatives: [0, 0], binWidth: 0.5 });
    expect(c).toMatchObject({ rocAuc: null, prAuc: 1, roc: { fpr: [] } });
  });
});

describe("estimateThresholdCurve", () => {
  it("counts from the top bin down and needs enough labels for an estimate", () => {
    const cells = [
      { llmScore: 1, bin: 10, count: 6, bytes: 60, probSum: 0.6 },
      { llmScore: 4, bin: 90, count: 4, bytes: 400, probSum: 3.6 },
      { llmScore: null, bin: 100, count: 1, bytes: 5, probSum: 1 },
    ];
    const items = [
      ...Array.from({ length: 5 }, (_, i) => ({ side: "kept" as const, prob: 0.9, humanScore: i < 4 ? 5 : 0 })),
      ...Array.from({ length: 5 }, () => ({ side: "rejected" as const, prob: 0.1, humanScore: 0 })),
    ];
    const curve = estimateThresholdCurve(cells, { keptCount: 5, rejectedCount: 6, threshold: 3 }, items);
    expect(curve[100]).toMatchObject({ cut: 1, keptCount: 1, keptBytes: 5, estN: 0, estPrecision: null });
    expect(curve[50]).toMatchObject({ keptCount: 5, keptFraction: 5 / 11, estN: 5, estPrecision: 0.8 });
    // Weights 5/5 (kept) and 6/5 (rejected): 4 / (5 + 6).
    expect(curve[0].estPrecision).toBeCloseTo(4 / 11, 12);
    expect(estimateThresholdCurve(cells, null, items)[0].estPrecision).toBeNull();
  });
});
