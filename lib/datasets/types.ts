/**
 * Shapes returned by the dataset API. Plain types only (no runtime code), so components may
 * `import type` them without pulling server code into the browser bundle.
 */

export type LanguageCount = { language: string; count: number };
/** score 0–5, or null for snippets without an LLM label. */
export type ScoreCount = { score: number | null; count: number };

export type DatasetStats = {
  /** Snippets with an LLM score (Snippet.llmScore not null). */
  llmLabeled: number;
  /** Snippets with at least one human label (Snippet.reviewCount > 0). */
  reviewed: number;
  /** reviewed / snippetCount, 0–100, one decimal. */
  reviewedPct: number;
  /** Human labels with status "labeled" (skips excluded). */
  humanLabels: number;
  /** Top 8 languages by count, then one { language: "other" } row when there are more. */
  languages: LanguageCount[];
  /** Always 7 rows: scores 0–5, then null ("unlabeled"). */
  llmScores: ScoreCount[];
  /** Always 6 rows: human scores 0–5, counted per label (not per snippet). */
  humanScores: ScoreCount[];
  /** ISO time the numbers were computed; they may come from a short-lived cache. */
  computedAt: string;
};

export type DatasetSummary = {
  id: number;
  name: string;
  kind: string;
  description: string;
  labelsPerSnippet: number;
  threshold: number;
  snippetCount: number;
  createdAt: string;
  updatedAt: string;
  stats: DatasetStats;
};
