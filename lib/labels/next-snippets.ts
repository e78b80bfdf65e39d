import { z } from "zod";
import { getReviewAudit } from "./get-review-audit";
import { getReviewClassifier } from "./get-review-classifier";
import { getReviewDataset } from "./get-review-dataset";
import { loadReviewSnippets } from "./load-review-snippets";
import { pickAuditIds } from "./pick-audit-ids";
import { pickDisagreementIds } from "./pick-disagreement-ids";
import { pickMyLabelIds } from "./pick-my-label-ids";
import { pickRandomIds } from "./pick-random-ids";
import { pickStratifiedIds } from "./pick-stratified-ids";
import { pickUncertainIds } from "./pick-uncertain-ids";
import { queueProgress } from "./queue-progress";
import { ZReviewQueue } from "./queues";
import type { NextSnippetsResult } from "./types";

const MAX_EXCLUDE = 500;

/** Ids as an array or as the query string's "1,2,3". */
const ZIdList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
  z.array(z.coerce.number().int().positive()).max(MAX_EXCLUDE, `at most ${MAX_EXCLUDE} ids in exclude`),
);

export const ZNextSnippets = z.object({
  queue: ZReviewQueue.default("random"),
  /** "audit" queue: the audit whose sample to serve. */
  auditId: z.coerce.number().int().positive().optional(),
  /** Snippets the client already holds or is saving: never returned again in this call. */
  exclude: ZIdList.default([]),
  limit: z.coerce.number().int().min(1).max(20).default(5),
  /** "mine" queue paging (from the previous response). */
  cursor: z.string().max(100).nullish(),
  /** "0": skip syntax coloring. Accepts booleans too. */
  highlight: z.union([z.boolean(), z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true")]).default(true),
});
export type TNextSnippets = z.input<typeof ZNextSnippets>;

/**
 * The next snippets of a review queue for one annotator, ready to display (highlighted code, LLM label,
 * labels), plus their progress in that queue. The client keeps a small buffer of these and asks for more,
 * excluding what it holds, before it runs out.
 */
export async function nextSnippets(datasetId: number, userId: string, input: TNextSnippets): Promise<NextSnippetsResult> {
  const { queue, exclude, limit, cursor, highlight, auditId } = ZNextSnippets.parse(input);
  // The audit is checked first: a bad auditId fails before any other query is in flight.
  const audit = queue === "audit" ? await getReviewAudit(auditId, datasetId) : null;
  const [ds, active] = await Promise.all([getReviewDataset(datasetId), getReviewClassifier()]);
  // A blind audit: the annotator must not see what the classifier thinks (nor, through it, the side).
  const classifier = audit ? null : active;
  const scope = { datasetId, userId, labelsPerSnippet: ds.labelsPerSnippet, exclude };
  let ids: number[];
  let nextCursor: string | null = null;
  if (queue === "random") ids = await pickRandomIds(scope, limit);
  else if (queue === "stratified") ids = await pickStratifiedIds(scope, limit);
  // No active model: nothing is "uncertain" yet; the result's classifier: null says why the queue is empty.
  else if (queue === "uncertain") ids = classifier ? await pickUncertainIds(scope, classifier.cut, limit) : [];
  else if (audit) ids = await pickAuditIds({ ...scope, audit }, limit);
  else if (queue === "disagreements") ids = await pickDisagreementIds({ datasetId, userId, exclude, limit });
  else ({ ids, cursor: nextCursor } = await pickMyLabelIds({ datasetId, userId, exclude, limit, cursor }));
  const [snippets, progress] = await Promise.all([
    loadReviewSnippets({ datasetId, labelsPerSnippet: ds.labelsPerSnippet, userId, ids, highlight, showOthers: queue === "disagreements", classifier, blind: audit !== null }),
    queueProgress({ datasetId, userId, queue, auditId }, ds, audit ?? undefined),
  ]);
  return { snippets, progress, exhausted: ids.length < limit, cursor: nextCursor, classifier };
}
