/**
 * Defaults of the decontamination check. 13-word n-grams follow GPT-3's and the Phi-1 paper's practice;
 * one shared n-gram flags an item (the evidence is then shown side by side for a person to judge); the
 * substring check looks for normalized prompts/solutions of at least 50 characters, so short generic lines
 * (`return a + b`) never count.
 */
export const DECONTAM_DEFAULTS = {
  ngram: 13,
  minShared: 1,
  minSubstringChars: 50,
  maxItemShare: 0.01,
} as const;

export const DECONTAM_LIMITS = {
  ngram: { min: 3, max: 50 },
  minShared: { min: 1, max: 1000 },
  minSubstringChars: { min: 20, max: 10_000 },
} as const;

/** Longest evidence kept on a match (characters of the snippet); longer spans are cut with "…". */
export const MAX_EVIDENCE_CHARS = 8_000;

export const DECONTAM_JOB = "decontam.run";
