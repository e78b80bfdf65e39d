import { z } from "zod";

/**
 * The review queues an annotator can work through (see lib/labels/next-snippets.ts for how each picks
 * snippets). components/review/queue-info.ts mirrors the names and limits for the browser.
 */
export const QUEUES = ["random", "stratified", "uncertain", "disagreements", "mine"] as const;
export const ZQueue = z.enum(QUEUES);
export type Queue = z.infer<typeof ZQueue>;

/**
 * Every queue the review API serves: the tabs above plus "audit", which needs an auditId (a precision
 * audit's sample in its stored order, blind: no classifier probability). The review page's tabs list
 * QUEUES only; an audit is opened from its own link.
 */
export const REVIEW_QUEUES = [...QUEUES, "audit"] as const;
export const ZReviewQueue = z.enum(REVIEW_QUEUES);
export type ReviewQueue = z.infer<typeof ZReviewQueue>;

/** Where a label was given: one of the queues, or "direct" (a snippet opened by link). */
export const ZLabelSource = z.enum([...REVIEW_QUEUES, "direct"]);
export type LabelSource = z.infer<typeof ZLabelSource>;

/** Idle time beyond this is not counted as time spent on a snippet. */
export const MAX_TIME_SPENT_MS = 10 * 60 * 1000;
export const MAX_NOTE_LENGTH = 2000;
