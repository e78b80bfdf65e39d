/** Estimates and limits shared by the campaign code, UI hints and docs. */
export const CAMPAIGN_DEFAULTS = {
  /** Output tokens per snippet when this prompt version has no history: a score plus a 1–3 sentence rationale. */
  outputTokensPerItem: 90,
  /** Seconds per request when this model has no history (a hosted small model under load). */
  latencyMs: 2_500,
  /** Up to this many selected snippets the input tokens are counted exactly; beyond, a uniform sample is. */
  exactTokenLimit: 2_000,
  concurrency: 8,
  maxConcurrency: 64,
} as const;
