import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { lockSyntheticItem } from "./lock-synthetic-item";

/**
 * Withdraws the caller's decision (undo). The item then shows the most recent remaining decision by
 * someone else, or goes back to pending. Returns whether there was a decision to withdraw.
 */
export async function clearReviewDecision(snippetId: number, userId: string): Promise<{ deleted: boolean }> {
  return db().$transaction(
    async (tx) => {
      const item = await lockSyntheticItem(tx, snippetId);
      if (!item) throw notFound(`snippet ${snippetId} is not a synthetic item`);
      const { count } = await tx.syntheticReview.deleteMany({ where: { snippetId, userId } });
      if (count === 0) return { deleted: false };
      const latest = await tx.syntheticReview.findFirst({ where: { snippetId }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }] });
      await tx.syntheticItem.update({
        where: { snippetId },
        data: latest
          ? { reviewStatus: latest.decision, reasonCode: latest.reasonCode, reviewNote: latest.note, reviewedById: latest.userId, reviewedAt: latest.updatedAt }
          : { reviewStatus: "pending", reasonCode: null, reviewNote: null, reviewedById: null, reviewedAt: null },
      });
      return { deleted: true };
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
}
