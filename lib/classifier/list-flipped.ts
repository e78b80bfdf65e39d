import { Prisma } from "@syllabus/prisma-sqlite";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { cutsOf } from "./compare-models";
import type { FlippedPage } from "./types";

export const ZListFlipped = z.object({
  fromId: z.coerce.number().int().positive(),
  toId: z.coerce.number().int().positive(),
  direction: z.enum(["lowToHigh", "highToLow"]),
  datasetId: z.coerce.number().int().positive().optional(),
  /** Snippet id of the last item of the previous page. */
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TListFlipped = z.input<typeof ZListFlipped>;

/** Snippets whose class changed between two model versions in one direction, by snippet id (keyset pages). */
export async function listFlipped(input: TListFlipped): Promise<FlippedPage> {
  const { fromId, toId, direction, datasetId, after, limit } = ZListFlipped.parse(input);
  const { cutFrom, cutTo } = await cutsOf(fromId, toId);
  const flipped =
    direction === "lowToHigh"
      ? Prisma.sql`a.probability < ${cutFrom} AND b.probability >= ${cutTo}`
      : Prisma.sql`a.probability >= ${cutFrom} AND b.probability < ${cutTo}`;
  const inDataset = datasetId === undefined ? Prisma.empty : Prisma.sql`AND s."datasetId" = ${datasetId}`;
  const rows = await db().$queryRaw<{ snippetId: number; datasetId: number; path: string | null; language: string; probFrom: number; probTo: number; llmScore: number | null }[]>(Prisma.sql`
    SELECT a."snippetId" AS "snippetId", s."datasetId" AS "datasetId", s.path AS path, s.language AS language,
      a.probability AS "probFrom", b.probability AS "probTo", s."llmScore" AS "llmScore"
    FROM snippet_score a
    JOIN snippet_score b ON b."snippetId" = a."snippetId" AND b."modelId" = ${toId}
    JOIN snippet s ON s.id = a."snippetId"
    WHERE a."modelId" = ${fromId} AND a."snippetId" > ${after ?? 0} AND ${flipped} ${inDataset}
    ORDER BY a."snippetId"
    LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit).map((r) => ({
    snippetId: Number(r.snippetId),
    datasetId: Number(r.datasetId),
    path: r.path,
    language: r.language,
    probFrom: Number(r.probFrom),
    probTo: Number(r.probTo),
    llmScore: r.llmScore === null ? null : Number(r.llmScore),
  }));
  return { items: page, nextAfter: rows.length > limit ? page[page.length - 1].snippetId : null };
}
