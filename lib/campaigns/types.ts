import type { CampaignFilter, CampaignMode } from "./campaign-filter";

/** What a campaign would select and cost; shown before it starts and stored with it. */
export type CampaignEstimate = {
  /** Snippets the campaign would label. */
  count: number;
  /** Snippets (of the dataset and language) left out because this model and prompt version already labeled them. */
  alreadyLabeled: number;
  inputTokens: number;
  outputTokens: number;
  /** true when input tokens were counted on a uniform sample of `sampleSize` and extrapolated. */
  sampled: boolean;
  sampleSize: number;
  outputTokensPerItem: number;
  outputTokensSource: "history" | "default";
  costUsd: number;
  /** false: the model is not in the price table, so costUsd is 0. */
  priceKnown: boolean;
  /** Batch API pricing applied. */
  batchPricing: boolean;
  /** Wall time at the chosen concurrency; null in batch mode (the Batch API promises results within 24 h). */
  seconds: number | null;
  latencyMs: number;
  latencySource: "history" | "default";
  model: string;
  promptVersion: string;
  mode: CampaignMode;
  concurrency: number;
};

export const CAMPAIGN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export type CampaignJobView = { id: number; status: string; attempt: number; maxAttempts: number; error: string | null; message: string; cancelRequested: boolean };

/** A campaign as the UI, API and CLI show it (numbers, ISO dates). */
export type CampaignView = {
  id: number;
  datasetId: number;
  datasetName: string;
  /** The campaign's state with its job's outcome folded in (a job that gave up makes the campaign failed). */
  status: CampaignStatus;
  mode: CampaignMode;
  model: string;
  promptVersion: string;
  filter: CampaignFilter;
  concurrency: number;
  total: number;
  labeled: number;
  failed: number;
  skipped: number;
  done: number;
  pending: number;
  requests: number;
  retries: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  estimate: { inputTokens: number; outputTokens: number; costUsd: number; seconds: number | null };
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Seconds from start to finish (or to now while it runs). */
  durationSeconds: number | null;
  /** Items finished per second over the duration. */
  itemsPerSecond: number | null;
  job: CampaignJobView | null;
};

export type CampaignItemView = {
  id: number;
  snippetId: number;
  status: "pending" | "labeled" | "failed" | "skipped";
  score: number | null;
  error: string | null;
  rawReply: string | null;
  attempts: number;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  latencyMs: number | null;
  updatedAt: string;
};
