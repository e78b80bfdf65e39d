/**
 * Wire shapes of the review API (also the props the review pages hand to client components). Types only:
 * safe to import from client code.
 */
import type { LabelSource, ReviewQueue } from "./queues";

export type LabelStatus = "labeled" | "skipped";

/** The current user's label on a snippet, as stored. */
export type MyLabel = {
  status: LabelStatus;
  score: number | null;
  agreed: boolean;
  /** LLM score shown when the label was given. */
  llmScore: number | null;
  note: string | null;
  timeSpentMs: number;
  queue: LabelSource;
  updatedAt: string;
};

/** The active classifier model as the review view shows it (its probabilities are Snippet.classifierProb). */
export type ReviewClassifier = { version: number; cut: number };

export type OtherLabel = { name: string; status: LabelStatus; score: number | null; note: string | null };

export type ReviewSnippet = {
  id: number;
  datasetId: number;
  language: string;
  source: string | null;
  path: string | null;
  license: string | null;
  externalId: string | null;
  sizeBytes: number;
  lineCount: number;
  llmScore: number | null;
  /** P(high value) from the active classifier model, 0–1; null until scored. */
  classifierProb: number | null;
  /** The active model (null: none yet), so the probability can be read against its cut. */
  classifier: ReviewClassifier | null;
  /** Distinct annotators who labeled (not skipped) it, including the current user. */
  reviewCount: number;
  labelsPerSnippet: number;
  /** Server-highlighted code (`<pre class="shiki">…`), HTML-escaped; render inside `.code-view`. */
  html: string;
  highlightLanguage: string;
  truncated: { shownLines: number; totalLines: number; shownChars: number; totalChars: number } | null;
  llmLabel: { score: number; rationale: string; model: string; promptVersion: string; isExample: boolean; createdAt: string } | null;
  myLabel: MyLabel | null;
  /** Other annotators' labels: counts always; scores and notes only in the disagreements queue (no anchoring elsewhere). */
  others: { labeled: number; skipped: number; labels: OtherLabel[] | null };
};

export type QueueProgress = {
  queue: ReviewQueue;
  /** Snippets of this queue's scope the user has labeled or skipped. */
  done: number;
  /** done + remaining. */
  total: number;
  /** Snippets still waiting for this user in this queue. */
  remaining: number;
  mine: { labeled: number; skipped: number };
  dataset: { snippets: number; complete: number; labelsPerSnippet: number };
};

export type NextSnippetsResult = {
  snippets: ReviewSnippet[];
  progress: QueueProgress;
  /** True when the queue had fewer than `limit` snippets left. */
  exhausted: boolean;
  /** "mine" queue only: pass back as `cursor` for the next page. */
  cursor: string | null;
  /** The active classifier model; null means none yet, and the "uncertain" queue is then empty. Always null in the blind "audit" queue. */
  classifier: ReviewClassifier | null;
};

export type SavedLabel = MyLabel & { snippetId: number; userId: string; datasetId: number; auditId?: number | null };

export type RecordLabelResult = { label: SavedLabel; previous: SavedLabel | null; reviewCount: number };
export type DeleteLabelResult = { deleted: boolean; previous: SavedLabel | null; reviewCount: number };

export type AnnotatorStat = {
  userId: string;
  name: string;
  email: string;
  labeled: number;
  skipped: number;
  /** Share of labels (with an LLM score shown) whose score equals the LLM score; null without any. */
  agreementRate: number | null;
  /** Share of labels given with Enter ("agree with the LLM"). */
  acceptedRate: number | null;
  meanTimeMs: number | null;
  medianTimeMs: number | null;
  totalTimeMs: number;
  lastActive: string | null;
};

export type ReviewDatasetSummary = {
  id: number;
  name: string;
  kind: string;
  description: string;
  snippetCount: number;
  labelsPerSnippet: number;
  progress: QueueProgress;
  disagreements: number;
};
