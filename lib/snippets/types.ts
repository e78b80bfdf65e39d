/**
 * Shapes returned by the snippet API. Plain types only, so components may `import type` them.
 */

export type SnippetHumanLabel = { userId: string; userName: string; score: number | null; agreed: boolean };

export type SnippetRow = {
  id: number;
  datasetId: number;
  /** First non-blank line of the content (at most 160 characters). */
  preview: string;
  path: string | null;
  language: string;
  source: string | null;
  license: string | null;
  sizeBytes: number;
  lineCount: number;
  llmScore: number | null;
  /** P(high value) from the active classifier model, 0–1; null until scored. */
  classifierProb: number | null;
  reviewCount: number;
  /** Human labels with status "labeled", oldest first. */
  humanLabels: SnippetHumanLabel[];
};

export type SnippetPage = {
  items: SnippetRow[];
  /** Opaque; pass as `cursor` to get the following page. null at the end. */
  nextCursor: string | null;
  /** Opaque; pass as `cursor` to get the preceding page. null on the first page. */
  prevCursor: string | null;
  /**
   * Exact number of matching snippets when it is free: Dataset.snippetCount when only a dataset is chosen,
   * or the number of items when this first page holds every match. Otherwise null: ask
   * GET /api/snippets/count (a capped count), once per filter set rather than once per page.
   */
  total: number | null;
  /**
   * Text search only, set when the page stopped at the scan bound: the rows examined. A search page
   * examines a bounded window of rows, so it can hold fewer than `limit` items while nextCursor still
   * points further on ("Next" keeps searching). null when the page is complete or there is no search.
   */
  scanned: number | null;
};

export type ReviewerOption = { id: string; name: string; email: string; count: number };

export type SnippetCountResult = {
  /** Exact count, or the cap when `capped`; null for a text search (that would mean scanning every row). */
  total: number | null;
  capped: boolean;
};
