/**
 * Shapes of the quality dashboards (lib/dashboards, GET /api/dashboards/*, `syllabus metrics`). Types only:
 * safe to import from browser code. Every proportion is a share in [0, 1]; every interval is a 95% Wilson
 * interval (estimate null when nothing was labeled, then [0, 1]).
 */

import type { AuditView } from "@/lib/audits/types";
import type { Interval } from "@/lib/metrics/wilson-interval";

export type { Interval };

export type DashboardScope = { datasetId?: number; modelId?: number; auditId?: number };

/** The classifier model a panel is about (the active one unless asked otherwise). */
export type DashboardModel = { id: number; version: number; active: boolean; cut: number | null; threshold: number };

export type DashboardAudit = Pick<
  AuditView,
  "id" | "name" | "datasetId" | "modelId" | "modelVersion" | "cut" | "threshold" | "seed" | "keptTarget" | "rejectedTarget" | "keptCount" | "rejectedCount" | "keptBytes" | "rejectedBytes" | "createdAt"
>;

/** One side of an audit: items sampled, items with at least one human score, items whose median human score ≥ threshold. */
export type AuditSideCounts = { sampled: number; labeled: number; high: number };

/** How many more labeled items (on one side) bring the interval's half-width down to ±margin. */
export type LabelMoreHint = { margin: number; more: number; moreRejected: number };

/**
 * The threshold slider. Each point is a cut at a bin edge (0.00, 0.01, … 1.00) of the model's probabilities:
 * how much would be kept, and the precision estimated from the audit (null without an audit or with fewer
 * than `minLabeled` labeled audit items above the cut; see estN).
 */
export type ThresholdPoint = {
  cut: number;
  keptCount: number;
  keptFraction: number;
  keptBytes: number;
  estPrecision: number | null;
  /** Labeled audit items (both sides) with probability ≥ cut behind estPrecision. */
  estN: number;
};

/** Precision of the kept set of one model version, from its newest audit in scope. */
export type TrendPoint = { modelId: number; modelVersion: number; auditId: number; cut: number; precision: Interval; n: number };

/** Precision of the kept set within one dataset / language / source repository (audit kept-side items in that group). */
export type BreakdownRow = { key: string; kept: number; labeled: number; high: number; precision: Interval };

export type PrecisionPanel = {
  datasetId: number | null;
  model: DashboardModel | null;
  audit: DashboardAudit | null;
  /** Why some numbers are empty (no active model, no audit yet…); null when everything is there. */
  note: string | null;
  /**
   * true while the probability histogram (or kept-set counts) is being recomputed after snippets, scores or
   * LLM labels changed: those figures are the previous data's; the next request after it finishes is fresh.
   */
  stale: boolean;
  /** Share of truly-high among labeled kept-side audit items. */
  precision: Interval;
  /** Share of truly-high among labeled rejected-side audit items (false-omission rate). */
  falseOmission: Interval;
  /**
   * keptCount·P / (keptCount·P + rejectedCount·FOR) (lib/audits estimateRecall). The interval combines the two
   * Wilson intervals conservatively: low uses (P.low, FOR.high), high uses (P.high, FOR.low).
   */
  recall: Interval;
  sampleSizes: { kept: AuditSideCounts; rejected: AuditSideCounts };
  labelMore: LabelMoreHint[];
  /** Snippets scored by the model in scope (the slider's denominator) and their bytes. */
  scored: number;
  scoredBytes: number;
  thresholdCurve: ThresholdPoint[];
  trend: TrendPoint[];
  /** bySource: the 20 source repositories with the most kept snippets. */
  breakdowns: { byDataset: BreakdownRow[]; byLanguage: BreakdownRow[]; bySource: BreakdownRow[] };
};

export type AgreementPanel = {
  datasetId: number | null;
  /** Score ≥ threshold counts as high (dataset threshold, else the active model's, else 3). */
  threshold: number;
  /** Median human score per snippet vs the snippet's newest LLM score. confusion[human][llm], scores 0–5. */
  llmVsHuman: { n: number; exact: number | null; kappaQuadratic: number | null; confusion: number[][]; binaryAgreement: number | null; threshold: number };
  /** Quadratic-weighted Cohen's kappa per annotator pair on items both scored; Krippendorff's alpha (ordinal) over items with ≥ 2 scores. */
  humanVsHuman: { pairs: { a: string; b: string; aEmail: string; bEmail: string; n: number; kappa: number | null; exact: number | null }[]; alpha: number | null; items: number };
  /** Active model (or modelId): probability ≥ cut vs median human score ≥ threshold; kappa is unweighted binary Cohen's kappa. */
  classifierVsHuman: { modelId: number | null; modelVersion: number | null; n: number; agreement: number | null; kappa: number | null };
  /**
   * labels: scored (not skipped) labels; skipped separately. medianSeconds: median time spent per label.
   * agreementWithOthers: share of exact agreement with other annotators on shared items (pairs counted once per other annotator).
   * agreementWithLlm: share of labels equal to the LLM score shown when labeling.
   */
  perAnnotator: { userId: string; email: string; labels: number; skipped: number; medianSeconds: number | null; agreementWithOthers: number | null; sharedItems: number; agreementWithLlm: number | null }[];
  /** Each LLM judge (model × prompt version) vs the median human score on the snippets it labeled. */
  perJudge: { model: string; promptVersion: string; n: number; exact: number | null; kappaQuadratic: number | null }[];
};

export type CurveSet = {
  n: number;
  positives: number;
  rocAuc: number | null;
  prAuc: number | null;
  roc: { fpr: number[]; tpr: number[]; thresholds: number[] };
  pr: { precision: number[]; recall: number[]; thresholds: number[] };
};

export type CalibrationBin = { lo: number; hi: number; count: number; meanProb: number; fracPositive: number };

export type ClassifierPanel = {
  datasetId: number | null;
  model: DashboardModel | null;
  note: string | null;
  /**
   * true while the probability histogram (or kept-set counts) is being recomputed after snippets, scores or
   * LLM labels changed: those figures are the previous data's; the next request after it finishes is fresh.
   */
  stale: boolean;
  threshold: number;
  /** Probabilities vs median human score ≥ threshold (exact, per snippet). */
  vsHuman: CurveSet;
  /**
   * Probabilities vs the newest LLM score ≥ threshold over every scored snippet with an LLM score. Computed
   * from a 101-bin histogram in SQL (probabilities rounded down to 0.01), so AUCs are those of the rounded
   * probabilities.
   */
  vsLlm: CurveSet & { binned: true };
  /**
   * Reliability diagram in 10 bins; against median human scores when at least 30 scored snippets have them
   * (bins (lo, hi] as scikit-learn's calibration_curve), else against LLM scores from the histogram (bins [lo, hi)).
   */
  calibration: { against: "human" | "llm"; bins: CalibrationBin[] };
  /** Probability histogram (20 bins of width 0.05) per LLM score 0–5. */
  histograms: { llmScore: number; bins: number[] }[];
};
