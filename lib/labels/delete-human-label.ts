import { z } from "zod";
import { db } from "@/lib/db/client";
import { lockSnippet } from "./lock-snippet";
import { refreshReviewCount } from "./refresh-review-count";
import { findHumanLabel } from "./find-human-label";
import type { DeleteLabelResult } from "./types";

export const ZDeleteHumanLabel = z.object({ snippetId: z.coerce.number().int().positive() });
export type TDeleteHumanLabel = z.input<typeof ZDeleteHumanLabel>;

/**
 * Removes the user's own label on a snippet (undo of a first label) and recomputes reviewCount in the
 * same transaction. Deleting a label that does not exist is not an error: undo may be retried.
 */
export async function deleteHumanLabel(userId: string, input: TDeleteHumanLabel): Promise<DeleteLabelResult> {
  const { snippetId } = ZDeleteHumanLabel.parse(input);
  return db().$transaction(
    async (tx) => {
      const snippet = await lockSnippet(tx, snippetId);
      if (!snippet) return { deleted: false, previous: null, reviewCount: 0 };
      const previous = await findHumanLabel(tx, snippetId, userId);
      if (previous) await tx.$executeRaw`DELETE FROM human_label WHERE "snippetId" = ${snippetId} AND "userId" = ${userId}`;
      const reviewCount = await refreshReviewCount(tx, snippetId);
      return { deleted: previous !== null, previous, reviewCount };
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
}
