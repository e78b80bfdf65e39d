import { z } from "zod";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { lockSnippet } from "./lock-snippet";
import { MAX_NOTE_LENGTH, MAX_TIME_SPENT_MS, ZLabelSource } from "./queues";
import { refreshReviewCount } from "./refresh-review-count";
import { findHumanLabel } from "./find-human-label";
import type { RecordLabelResult, SavedLabel } from "./types";

const ZScore = z.number().int().min(0).max(5);

export const ZRecordHumanLabel = z
  .object({
    snippetId: z.number().int().positive(),
    /** "labeled" needs a score (or agreed: true); "skipped" has none and does not count toward reviewCount. */
    status: z.enum(["labeled", "skipped"]).default("labeled"),
    score: ZScore.nullish(),
    /** Enter: the annotator accepted the LLM score. The score defaults to the LLM score shown. */
    agreed: z.boolean().default(false),
    /** The LLM score the annotator saw (defaults to the snippet's current one). */
    llmScore: ZScore.nullish(),
    note: z
      .string()
      .max(MAX_NOTE_LENGTH)
      .nullish()
      .transform((s) => (s?.trim() ? s.trim() : null)),
    /** Time from display to decision; idle time beyond 10 minutes is not counted. */
    timeSpentMs: z
      .number()
      .int()
      .min(0)
      .default(0)
      .transform((ms) => Math.min(ms, MAX_TIME_SPENT_MS)),
    queue: ZLabelSource.default("random"),
    /**
     * The audit whose queue served the snippet: required with queue "audit", accepted with any queue (an
     * undo re-sends the previous label as it was); the snippet must be one of the audit's items.
     */
    auditId: z.number().int().positive().nullish(),
  })
  .refine((v) => v.queue !== "audit" || v.auditId != null, { message: "a label from the audit queue needs its auditId", path: ["auditId"] })
  .refine((v) => v.status !== "skipped" || v.score == null, { message: "a skipped label has no score", path: ["score"] })
  .refine((v) => v.status !== "labeled" || v.score != null || v.agreed, { message: "a label needs a score 0–5", path: ["score"] });
export type TRecordHumanLabel = z.input<typeof ZRecordHumanLabel>;

/**
 * Creates or replaces the user's own label on a snippet (HumanLabel is unique per snippet × user, so two
 * annotators never overwrite each other) and recomputes the snippet's reviewCount in the same
 * transaction, behind a row lock. Returns the saved label and the one it replaced, for undo.
 */
export async function recordHumanLabel(userId: string, input: TRecordHumanLabel): Promise<RecordLabelResult> {
  const v = ZRecordHumanLabel.parse(input);
  return db().$transaction(
    async (tx) => {
      const snippet = await lockSnippet(tx, v.snippetId);
      if (!snippet) throw notFound(`snippet ${v.snippetId} not found`);
      const shown = v.llmScore === undefined ? snippet.llmScore : v.llmScore;
      const score = v.status === "skipped" ? null : (v.score ?? shown);
      if (v.status === "labeled" && score == null) throw badRequest("cannot agree: this snippet has no LLM score");
      const auditId = v.auditId ?? null;
      if (auditId !== null) {
        const [item] = await tx.$queryRaw<{ n: number }[]>`SELECT 1 AS n FROM audit_item WHERE "auditId" = ${auditId} AND "snippetId" = ${v.snippetId}`;
        if (!item) throw badRequest(`snippet ${v.snippetId} is not in audit ${auditId}`);
      }
      const data = {
        status: v.status as SavedLabel["status"],
        score,
        agreed: v.status === "labeled" && v.agreed && score === shown,
        llmScore: shown,
        note: v.note,
        timeSpentMs: v.timeSpentMs,
        queue: v.queue,
      };
      const previous = await findHumanLabel(tx, v.snippetId, userId);
      // One upsert on the (snippetId, userId) key: only this user's row, whatever others do meanwhile.
      // A label once given for an audit stays that audit's when revised from another queue (e.g. "mine").
      const now = new Date();
      await tx.$executeRaw`
        INSERT INTO human_label ("snippetId", "userId", "datasetId", status, score, agreed, "llmScore", note, "timeSpentMs", queue, "auditId", "createdAt", "updatedAt")
        VALUES (${v.snippetId}, ${userId}, ${snippet.datasetId}, ${data.status}, ${data.score}, ${data.agreed}, ${data.llmScore}, ${data.note}, ${data.timeSpentMs}, ${data.queue}, ${auditId}, ${now}, ${now})
        ON CONFLICT ("snippetId", "userId") DO UPDATE SET status = excluded.status, score = excluded.score, agreed = excluded.agreed,
          "llmScore" = excluded."llmScore", note = excluded.note, "timeSpentMs" = excluded."timeSpentMs", queue = excluded.queue,
          "auditId" = COALESCE(excluded."auditId", human_label."auditId"), "updatedAt" = excluded."updatedAt"`;
      const keptAudit = auditId ?? previous?.auditId ?? null;
      const label: SavedLabel = {
        snippetId: v.snippetId,
        userId,
        datasetId: snippet.datasetId,
        ...data,
        updatedAt: now.toISOString(),
        ...(keptAudit !== null ? { auditId: keptAudit } : {}),
      };
      const reviewCount = await refreshReviewCount(tx, v.snippetId);
      return { label, previous, reviewCount };
    },
    // Bursts of saves queue for the connection pool (or SQLite's single writer); wait rather than fail.
    { maxWait: 15_000, timeout: 15_000 },
  );
}
