/**
 * PUT /api/labels — create or replace the caller's own label on a snippet (undo of an edit = PUT of the old values).
 *   body { snippetId, status?: "labeled"|"skipped" (default labeled), score?: 0–5 | null, agreed?: boolean,
 *          llmScore?: 0–5 | null (LLM score shown), note?: string | null (≤ 2000), timeSpentMs?: number (capped at 10 min),
 *          queue?: "random"|"stratified"|"uncertain"|"disagreements"|"mine"|"audit"|"direct", auditId?: number }
 *   auditId: required with queue "audit" (400 when the snippet is not one of the audit's items); kept on later edits.
 *   agreed: true without a score takes the LLM score. A skipped label has no score.
 * → { label: SavedLabel, previous: SavedLabel | null, reviewCount: number }
 *   SavedLabel = { snippetId, userId, datasetId, status, score, agreed, llmScore, note, timeSpentMs, queue, updatedAt }
 * Annotators and admins; viewers get 403. 404 for an unknown snippet, 400 for an invalid body.
 */
import { route } from "@/lib/http/route";
import { recordHumanLabel, ZRecordHumanLabel } from "@/lib/labels/record-human-label";

export const PUT = route({ role: "annotator", body: ZRecordHumanLabel }, async ({ user, body }) => recordHumanLabel(user.id, body));
