import type { SyntheticKind, SyntheticParts } from "@/lib/synthetic/compose-content";
import type { ExecResultView } from "@/lib/synthetic/execute/types";

/** Why an item was rejected (keys 1–6 on the review page, in this order). */
export const REASON_CODES = ["incorrect", "off-topic", "low-quality", "duplicate", "unsafe", "other"] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export const REASON_LABELS: Record<ReasonCode, string> = {
  incorrect: "Incorrect",
  "off-topic": "Off-topic",
  "low-quality": "Low quality",
  duplicate: "Duplicate",
  unsafe: "Unsafe",
  other: "Other",
};

export type ReviewDecision = "approved" | "rejected";
export type ReviewStatus = "pending" | ReviewDecision;
export type ReviewStatusFilter = ReviewStatus | "all";

export type UserRef = { id: string; name: string; email: string };

export type DecisionView = {
  user: UserRef;
  decision: ReviewDecision;
  reasonCode: ReasonCode | null;
  note: string | null;
  /** The item version the decision was made on. */
  version: number;
  updatedAt: string;
};

export type HighlightedBlock = { index: number; lang: string; code: string; html: string };

/** A synthetic item as the review page shows it: parts (raw, for editing) and their highlighted renderings. */
export type ReviewItem = {
  snippetId: number;
  datasetId: number;
  datasetName: string;
  kind: SyntheticKind;
  title: string | null;
  topic: string | null;
  audience: string | null;
  functionName: string | null;
  campaign: { id: number; name: string } | null;
  version: number;
  parts: SyntheticParts;
  /** Textbook: the markdown's fenced blocks, highlighted on the server (matched to the markdown by their text). */
  blocks: HighlightedBlock[];
  /** Exercise: prompt, solution and tests highlighted (python). */
  html: { prompt: string | null; solution: string | null; tests: string | null };
  review: { status: ReviewStatus; reasonCode: ReasonCode | null; note: string | null; by: UserRef | null; at: string | null };
  /** The caller's own decision (null when they have not decided). */
  mine: DecisionView | null;
  decisions: DecisionView[];
  exec: ExecResultView;
  contaminated: boolean;
  /** The near-duplicate cluster's representative, when this item is a near-duplicate of it. */
  nearDupOf: { snippetId: number; datasetId: number | null; title: string | null } | null;
  sizeBytes: number;
  lineCount: number;
};

export type ReviewScope = {
  datasetId: number;
  campaignId?: number;
  kind?: SyntheticKind;
  status?: ReviewStatusFilter;
};

export type ReviewProgress = {
  /** Items in the scope (dataset, campaign, kind; the status filter does not shrink it). */
  total: number;
  /** Items with a decision by anyone. */
  reviewed: number;
  approved: number;
  rejected: number;
  /** Items the caller decided. */
  mine: number;
  /** Items of the queue (scope and status filter) the caller has not decided. */
  remainingForMe: number;
};

export type NextReviewItems = { items: ReviewItem[]; progress: ReviewProgress; exhausted: boolean };

export type VersionSummary = { version: number; editedBy: UserRef | null; createdAt: string; current: boolean };
export type VersionDetail = VersionSummary & { kind: SyntheticKind; parts: SyntheticParts; blocks: HighlightedBlock[]; html: ReviewItem["html"] };
