/** Wire shapes of the audit API (types only: safe to import from client code). */
import type { Interval } from "@/lib/metrics/wilson-interval";

export type AuditSide = "kept" | "rejected";

export type AuditView = {
  id: number;
  name: string;
  /** null: the audit samples every dataset the model scored. */
  datasetId: number | null;
  datasetName: string | null;
  modelId: number;
  modelVersion: number;
  /** The model's cut when the audit was drawn: probability ≥ cut is "kept". */
  cut: number;
  /** A human score ≥ threshold counts as truly high value. */
  threshold: number;
  seed: number;
  keptTarget: number;
  rejectedTarget: number;
  /** Population sizes and bytes at creation (the recall estimate weighs the two sides by them). */
  keptCount: number;
  rejectedCount: number;
  keptBytes: number;
  rejectedBytes: number;
  /** Items actually drawn (the target, or the whole side when it is smaller). */
  keptSampled: number;
  rejectedSampled: number;
  createdById: string | null;
  createdAt: string;
};

export type AuditSideStats = {
  sampled: number;
  /** Items with at least one human score (skips do not count). */
  labeled: number;
  /** Labeled items whose median human score is ≥ the audit's threshold. */
  high: number;
};

export type LabelMore = {
  margin: number;
  /** More labeled kept items needed for precision within ±margin (at the current estimate, 0.5 before any). */
  kept: number;
  /** The same for the false-omission rate of the rejected side. */
  rejected: number;
};

export type AuditStats = {
  auditId: number;
  cut: number;
  threshold: number;
  keptCount: number;
  rejectedCount: number;
  kept: AuditSideStats & { precision: Interval };
  /** forRate: false-omission rate, the share of truly high items among rejected ones. */
  rejected: AuditSideStats & { forRate: Interval };
  /**
   * Estimated recall = keptCount·P / (keptCount·P + rejectedCount·FOR). The interval is the conservative
   * combination of the two Wilson intervals: low from (P low, FOR high), high from (P high, FOR low).
   */
  recall: Interval;
  labelMoreFor: LabelMore[];
};
