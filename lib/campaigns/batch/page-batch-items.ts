import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import type { ScoreInput } from "@/lib/llm/types";

export type BatchItem = { itemId: number; snippetId: number; snippet: ScoreInput };

/**
 * One keyset page of a campaign's pending items with their snippets: those of `chunk`, or (chunk null)
 * those not yet assigned to a chunk. Pages keep a 50,000-item chunk of large files out of memory at once.
 */
export async function pageBatchItems({ campaignId, chunk, after, limit }: { campaignId: number; chunk: number | null; after: number; limit: number }): Promise<BatchItem[]> {
  const inChunk = chunk === null ? Prisma.sql`ci."batchChunk" IS NULL` : Prisma.sql`ci."batchChunk" = ${chunk}`;
  const rows = await db().$queryRaw<Row[]>(Prisma.sql`
    SELECT ci.id, ci."snippetId", s.content, s.language, s.path
    FROM campaign_item ci JOIN snippet s ON s.id = ci."snippetId"
    WHERE ci."campaignId" = ${campaignId} AND ci.status = 'pending' AND ${inChunk} AND ci.id > ${after}
    ORDER BY ci.id LIMIT ${Prisma.raw(String(Math.trunc(limit)))}`);
  return rows.map((r) => ({ itemId: Number(r.id), snippetId: Number(r.snippetId), snippet: { content: r.content, language: r.language, path: r.path } }));
}

type Row = { id: number | bigint; snippetId: number | bigint; content: string; language: string; path: string | null };
