import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import { keysetReader, type KeysetReader } from "@/lib/db/keyset-reader";
import type { ScoreInput } from "@/lib/llm/types";

export type PendingItem = { itemId: number; snippetId: number; snippet: ScoreInput };

export type PendingItemReader = KeysetReader<PendingItem>;

/**
 * A shared source of the campaign's pending items for a pool of workers: pages of `pageSize` read by a
 * keyset cursor on the item id (never the whole selection in memory), one page read at a time however
 * many workers ask (lib/db/keyset-reader.ts).
 */
export function readPendingItems(campaignId: number, pageSize: number): PendingItemReader {
  const limit = Prisma.raw(String(Math.trunc(pageSize)));
  const load = async (after: number): Promise<PendingItem[]> => {
    const rows = await db().$queryRaw<Row[]>(Prisma.sql`
      SELECT ci.id, ci."snippetId", s.content, s.language, s.path
      FROM campaign_item ci JOIN snippet s ON s.id = ci."snippetId"
      WHERE ci."campaignId" = ${campaignId} AND ci.status = 'pending' AND ci.id > ${after}
      ORDER BY ci.id LIMIT ${limit}`);
    return rows.map((r) => ({ itemId: Number(r.id), snippetId: Number(r.snippetId), snippet: { content: r.content, language: r.language, path: r.path } }));
  };
  return keysetReader(load, (item) => item.itemId, pageSize);
}

type Row = { id: number | bigint; snippetId: number | bigint; content: string; language: string; path: string | null };
