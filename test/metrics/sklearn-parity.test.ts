import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { calibrationBins } from "@/lib/metrics/calibration-bins";
import { cohenKappa } from "@/lib/metrics/cohen-kappa";
import { prCurve } from "@/lib/metrics/pr-curve";
import { rocAuc } from "@/lib/metrics/roc-auc";
import { seededRandom } from "@/lib/metrics/seeded-random";

/**
 * Our metrics against scikit-learn itself on fixed data, when /usr/bin/python3 has it (the figures in the
 * colocated tests were computed once; this recomputes them live on larger inputs).
 */
const PYTHON = "/usr/bin/python3";

function sklearnMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  try {
    execFileSync(PYTHON, ["-c", "import sklearn, numpy"], { stdio: "pipe" });
    return null;
  } catch {
    return `scikit-learn is not installed for ${PYTHON}`;
  }
}
const missing = sklearnMissing();

const SCRIPT = `
import json, sys
import numpy as np
from sklearn.metrics import cohen_kappa_score, precision_recall_curve, roc_auc_score
from sklearn.calibration import calibration_curve
d = json.load(sys.stdin)
out = {}
for w in ["quadratic", "linear", None]:
    out["kappa_" + str(w)] = float(cohen_kappa_score(d["a"], d["b"], weights=w))
out["kappa_labels"] = float(cohen_kappa_score(d["a"], d["b"], weights="quadratic", labels=[0, 1, 2, 3, 4, 5]))
p, r, t = precision_recall_curve(d["y"], d["s"])
out["pr"] = {"precision": p.tolist(), "recall": r.tolist(), "thresholds": t.tolist()}
out["auc"] = float(roc_auc_score(d["y"], d["s"]))
out["auc_tied"] = float(roc_auc_score(d["y"], d["tied"]))
frac, mean = calibration_curve(d["y"], d["s"], n_bins=10, strategy="uniform")
out["calibration"] = {"frac": frac.tolist(), "mean": mean.tolist()}
json.dump(out, sys.stdout)
`;

/** Fixed data: two raters on 0–5 who mostly agree, and 600 scores (two-decimal ties) that track a label. */
function fixedData() {
  const rnd = seededRandom(20261126);
  const a = Array.from({ length: 400 }, () => rnd.int(6));
  const b = a.map((x) => Math.max(0, Math.min(5, x + [0, 0, 0, 1, -1, 2, -2][rnd.int(7)])));
  const y = Array.from({ length: 600 }, () => (rnd.float() < 0.35 ? 1 : 0));
  const s = y.map((label) => Math.round(Math.min(1, Math.max(0, rnd.float() * 0.7 + 0.3 * label)) * 100) / 100);
  const tied = s.map((v) => Math.round(v * 5) / 5);
  return { a, b, y, s, tied };
}

describe.skipIf(missing !== null)(`metrics vs scikit-learn${missing ? ` (skipped: ${missing})` : ""}`, () => {
  const data = fixedData();
  const sk = missing ? null : JSON.parse(execFileSync(PYTHON, ["-c", SCRIPT], { input: JSON.stringify(data) }).toString());

  it("cohen_kappa_score: quadratic, linear, unweighted and with an explicit label set", () => {
    expect(cohenKappa(data.a, data.b, { weights: "quadratic" })).toBeCloseTo(sk.kappa_quadratic, 12);
    expect(cohenKappa(data.a, data.b, { weights: "linear" })).toBeCloseTo(sk.kappa_linear, 12);
    expect(cohenKappa(data.a, data.b)).toBeCloseTo(sk.kappa_None, 12);
    expect(cohenKappa(data.a, data.b, { weights: "quadratic", labels: [0, 1, 2, 3, 4, 5] })).toBeCloseTo(sk.kappa_labels, 12);
  });

  it("roc_auc_score, with and without heavy ties", () => {
    expect(rocAuc(data.y, data.s)).toBeCloseTo(sk.auc, 12);
    expect(rocAuc(data.y, data.tied)).toBeCloseTo(sk.auc_tied, 12);
  });

  it("precision_recall_curve: the same (precision, recall) at every threshold scikit-learn reports", () => {
    const ours = prCurve(data.y, data.s, 100_000);
    const at = new Map(ours.thresholds.map((t, i) => [t, { p: ours.precision[i], r: ours.recall[i] }]));
    // scikit-learn lists thresholds ascending, stops at the first full recall and appends (1, 0) without a threshold.
    const thresholds: number[] = sk.pr.thresholds;
    expect(thresholds.length).toBeGreaterThan(20);
    thresholds.forEach((t, i) => {
      const point = at.get(t);
      expect(point, `threshold ${t}`).toBeDefined();
      expect(point!.p).toBeCloseTo(sk.pr.precision[i], 12);
      expect(point!.r).toBeCloseTo(sk.pr.recall[i], 12);
    });
  });

  it("calibration_curve (uniform bins)", () => {
    const bins = calibrationBins(data.y, data.s, 10);
    expect(bins.map((b) => b.fracPositive)).toHaveLength(sk.calibration.frac.length);
    bins.forEach((b, i) => {
      expect(b.fracPositive).toBeCloseTo(sk.calibration.frac[i], 12);
      expect(b.meanProb).toBeCloseTo(sk.calibration.mean[i], 12);
    });
  });
});
