import { Prisma } from "@syllabus/prisma-sqlite";
import type { Tx } from "@/lib/db/client";
import { HUMAN_LABEL_COLUMNS, toSavedLabel, type HumanLabelRow } from "./to-saved-label";
import type { SavedLabel } from "./types";

/** The user's own label on a snippet, read inside the caller's transaction (after lockSnippet). */
export async function findHumanLabel(tx: Tx, snippetId: number, userId: string): Promise<SavedLabel | null> {
  const [row] = await tx.$queryRaw<HumanLabelRow[]>(
    Prisma.sql`SELECT ${Prisma.raw(HUMAN_LABEL_COLUMNS)} FROM human_label WHERE "snippetId" = ${snippetId} AND "userId" = ${userId}`,
  );
  return row ? toSavedLabel(row) : null;
}
