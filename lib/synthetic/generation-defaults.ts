/**
 * Expectations used by the estimate before a campaign has any history, documented here and in the README.
 * - Output tokens: a textbook section of 400–700 words with code runs ~1.35 o200k tokens a word, plus the
 *   JSON escaping of its newlines and quotes: ≈ 950 tokens. An exercise (imports, signature, docstring with
 *   2–3 doctests, a body of 5–15 lines, 3–6 asserts): ≈ 380 tokens.
 * - Latency: a hosted small model streams ~70–90 tokens/s under load, plus queueing: ≈ 14 s a section,
 *   ≈ 6 s an exercise.
 * Once ≥ 20 items of this model (latency) or prompt version (output tokens) were generated, their means win.
 */
export const GENERATION_DEFAULTS = {
  outputTokensPerItem: { textbook: 950, exercise: 380 },
  latencyMs: { textbook: 14_000, exercise: 6_000 },
  /** Up to this many planned items the input tokens are counted exactly; beyond, the first ones are. */
  exactTokenLimit: 2_000,
  /** Items with history needed before history replaces the defaults. */
  minHistory: 20,
} as const;
