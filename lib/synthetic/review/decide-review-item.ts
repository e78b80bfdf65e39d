import { z } from "zod";
import { db } from "@/lib/db/client";
import { HttpError, notFound } from "@/lib/http/errors";
import { lockSyntheticItem } from "./lock-synthetic-item";
import { REASON_CODES } from "./types";

const MAX_TIME_SPENT_MS = 10 * 60_000;

export const ZDecideReviewItem = z
  .object({
    decision: z.enum(["approved", "rejected"], { message: "decision must be approved or rejected" }),
    reasonCode: z.enum(REASON_CODES, { message: `reasonCode must be one of ${REASON_CODES.join(", ")}` }).nullish(),
    note: z
      .string()
      .max(2000, "a note is at most 2000 characters")
      .nullish()
      .transform((s) => (s?.trim() ? s.trim() : null)),
    /** The version the reviewer looked at; a decision on a version that has since been edited is refused (409). */
    version: z.number().int().positive().optional(),
    timeSpentMs: z
      .number()
      .int()
      .min(0)
      .default(0)
      .transform((ms) => Math.min(ms, MAX_TIME_SPENT_MS)),
  })
  .refine((v) => v.decision !== "rejected" || v.reasonCode, { message: "a rejection needs a reasonCode", path: ["reasonCode"] })
  .refine((v) => v.decision !== "approved" || !v.reasonCode, { message: "an approval has no reasonCode", path: ["reasonCode"] });
export type TDecideReviewItem = z.input<typeof ZDecideReviewItem>;

/**
 * Records the caller's decision on an item: one SyntheticReview row per (item, reviewer), upserted, so
 * changing your mind updates it and two reviewers never overwrite each other. The item's reviewStatus,
 * reasonCode and reviewedBy become this decision — the latest one — in the same transaction, behind the
 * item's row lock, so concurrent decisions apply one after the other.
 */
export async function decideReviewItem(snippetId: number, userId: string, input: TDecideReviewItem): Promise<{ snippetId: number; decision: string; version: number }> {
  const v = ZDecideReviewItem.parse(input);
  return db().$transaction(
    async (tx) => {
      const item = await lockSyntheticItem(tx, snippetId);
      if (!item) throw notFound(`snippet ${snippetId} is not a synthetic item`);
      if (v.version !== undefined && v.version !== item.version) {
        throw new HttpError(409, `item ${snippetId} was edited while you reviewed it (you saw v${v.version}, it is now v${item.version}); look at the new version first`, { currentVersion: item.version });
      }
      const now = new Date();
      const reasonCode = v.decision === "rejected" ? v.reasonCode! : null;
      await tx.$executeRaw`
        INSERT INTO synthetic_review ("snippetId", "datasetId", "userId", decision, "reasonCode", note, version, "timeSpentMs", "createdAt", "updatedAt")
        VALUES (${snippetId}, ${item.datasetId}, ${userId}, ${v.decision}, ${reasonCode}, ${v.note}, ${item.version}, ${v.timeSpentMs}, ${now}, ${now})
        ON CONFLICT ("snippetId", "userId") DO UPDATE SET decision = excluded.decision, "reasonCode" = excluded."reasonCode", note = excluded.note,
          version = excluded.version, "timeSpentMs" = excluded."timeSpentMs", "updatedAt" = excluded."updatedAt"`;
      await tx.syntheticItem.update({ where: { snippetId }, data: { reviewStatus: v.decision, reasonCode, reviewNote: v.note, reviewedById: userId, reviewedAt: now } });
      return { snippetId, decision: v.decision, version: item.version };
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
}
