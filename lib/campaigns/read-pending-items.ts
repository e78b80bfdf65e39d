import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import type { ScoreInput } from "@/lib/llm/types";

export type PendingItem = { itemId: number; snippetId: number; snippet: ScoreInput };

export type PendingItemReader = {
  /** The next pending item, or null when there are no more. */
  next(): Promise<PendingItem | null>;
  /** Waits for a read still in progress (its result is dropped). */
  close(): Promise<void>;
};

/**
 * A shared source of the campaign's pending items for a pool of workers: pages of `pageSize` read by a
 * keyset cursor on the item id (never the whole selection in memory), one page read at a time however
 * many workers ask. Items in flight stay `pending` in the database; the cursor keeps them from coming back.
 * The next page is read as soon as the current one arrives, so workers do not all stall at each page end.
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
  const start = (after: number) => {
    const p = load(after);
    // Read ahead, maybe never awaited (the run stopped): its failure surfaces only to a worker that waits.
    p.catch(() => {});
    return p;
  };

  let page: PendingItem[] = [];
  let at = 0;
  let ahead: Promise<PendingItem[]> | null = start(0);

  return {
    async next() {
      for (;;) {
        if (at < page.length) return page[at++];
        const waiting = ahead;
        if (!waiting) return null;
        const rows = await waiting;
        // Of the workers waiting for this page, the first one to wake up installs it.
        if (ahead !== waiting) continue;
        page = rows;
        at = 0;
        ahead = rows.length < pageSize ? null : start(rows[rows.length - 1].itemId);
      }
    },
    async close() {
      await ahead?.catch(() => {});
    },
  };
}

type Row = { id: number | bigint; snippetId: number | bigint; content: string; language: string; path: string | null };
