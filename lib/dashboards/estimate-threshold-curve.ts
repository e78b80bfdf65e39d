import type { ScoreHistogramCell } from "./load-score-histogram";
import { PROB_BINS } from "./prob-bin-sql";
import type { ThresholdPoint } from "./types";

export type CurveAudit = { keptCount: number; rejectedCount: number; threshold: number };
export type CurveItem = { side: "kept" | "rejected"; prob: number | null; humanScore: number | null };

/** Fewer labeled audit items than this above a cut: no precision estimate there. */
export const MIN_CURVE_LABELS = 5;

/**
 * The threshold slider: for each cut k/100 (k = 0…100), the scored snippets at or above it (count, share,
 * bytes) from the probability histogram, and the precision estimated from the audit.
 *
 * Estimation: the audit's kept and rejected samples are uniform within their sides, so a labeled item stands
 * for N_side / labeled_side snippets of its side. Precision at a cut c is the weighted share of truly-high
 * items among labeled items with probability ≥ c (a ratio / Horvitz–Thompson estimator): above the audit's cut
 * only kept items count (plain precision of a uniform sub-sample); below it the rejected items above c join
 * with the rejected side's weight. Null where fewer than MIN_CURVE_LABELS labeled items lie above the cut.
 */
export function estimateThresholdCurve(cells: ScoreHistogramCell[], audit: CurveAudit | null, items: CurveItem[]): ThresholdPoint[] {
  const count = new Array<number>(PROB_BINS + 1).fill(0);
  const bytes = new Array<number>(PROB_BINS + 1).fill(0);
  for (const c of cells) {
    const b = Math.min(PROB_BINS, Math.max(0, c.bin));
    count[b] += c.count;
    bytes[b] += c.bytes;
  }
  const total = count.reduce((s, v) => s + v, 0);

  const labeled = items.filter((i) => i.humanScore !== null && i.prob !== null);
  const weight = { kept: 0, rejected: 0 };
  if (audit) {
    const nKept = labeled.filter((i) => i.side === "kept").length;
    const nRejected = labeled.length - nKept;
    weight.kept = nKept ? audit.keptCount / nKept : 0;
    weight.rejected = nRejected ? audit.rejectedCount / nRejected : 0;
  }

  const points: ThresholdPoint[] = [];
  let keptCount = 0;
  let keptBytes = 0;
  for (let k = PROB_BINS; k >= 0; k--) {
    keptCount += count[k];
    keptBytes += bytes[k];
    const cut = k / PROB_BINS;
    let w = 0;
    let wHigh = 0;
    let n = 0;
    if (audit) {
      for (const i of labeled) {
        if (i.prob! < cut - 1e-9) continue;
        const wi = weight[i.side];
        n++;
        w += wi;
        if (i.humanScore! >= audit.threshold) wHigh += wi;
      }
    }
    points.push({ cut, keptCount, keptFraction: total ? keptCount / total : 0, keptBytes, estPrecision: n >= MIN_CURVE_LABELS && w > 0 ? wHigh / w : null, estN: n });
  }
  return points.reverse();
}
