import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";

/**
 * "disagreements" queue: snippets where someone else's human score differs from the LLM score they were
 * shown (HumanLabel.llmScore), that the user has not labeled or skipped yet — a second opinion on the
 * contested ones, whatever labelsPerSnippet says. Largest gap first (a 5 vs 1 before a 3 vs 2), then most
 * recent. Reads only human_label (the score shown is stored on the label, so no join to snippet): the
 * dataset's human labels number thousands, not millions.
 */
export async function pickDisagreementIds(opts: { datasetId: number; userId: string; exclude: readonly number[]; limit: number }): Promise<number[]> {
  const { datasetId, userId, exclude, limit } = opts;
  const notExcluded = exclude.length ? Prisma.sql`AND h."snippetId" NOT IN (${Prisma.join(exclude)})` : Prisma.empty;
  const rows = await db().$queryRaw<{ snippetId: number | bigint }[]>(Prisma.sql`
    SELECT h."snippetId" AS "snippetId", MAX(ABS(h.score - h."llmScore")) AS gap, MAX(h."updatedAt") AS "lastAt"
    FROM human_label h
    WHERE h."datasetId" = ${datasetId} AND h.status = 'labeled' AND h."userId" <> ${userId}
      AND h.score <> h."llmScore" ${notExcluded}
      AND NOT EXISTS (SELECT 1 FROM human_label m WHERE m."snippetId" = h."snippetId" AND m."userId" = ${userId})
    GROUP BY h."snippetId"
    ORDER BY gap DESC, "lastAt" DESC, h."snippetId"
    LIMIT ${limit}`);
  return rows.map((r) => Number(r.snippetId));
}
