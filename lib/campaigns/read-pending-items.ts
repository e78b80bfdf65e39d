import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import type { ScoreInput } from "@/lib/llm/types";

export type PendingItem = { itemId: number; snippetId: number; snippet: ScoreInput };

/**
 * A shared source of the campaign's pending items for a pool of workers: pages of `pageSize` read by a
 * keyset cursor on the item id (never the whole selection in memory), one page read at a time however
 * many workers ask. Items in flight stay `pending` in the database; the cursor keeps them from coming back.
 */
export function readPendingItems(campaignId: number, pageSize: number): () => Promise<PendingItem | null> {
  let page: PendingItem[] = [];
  let at = 0;
  let after = 0;
  let exhausted = false;
  let loading: Promise<void> | null = null;

  const load = async () => {
    const rows = await db().$queryRaw<Row[]>(Prisma.sql`
      SELECT ci.id, ci."snippetId", s.content, s.language, s.path
      FROM campaign_item ci JOIN snippet s ON s.id = ci."snippetId"
      WHERE ci."campaignId" = ${campaignId} AND ci.status = 'pending' AND ci.id > ${after}
      ORDER BY ci.id LIMIT ${Prisma.raw(String(Math.trunc(pageSize)))}`);
    page = rows.map((r) => ({ itemId: Number(r.id), snippetId: Number(r.snippetId), snippet: { content: r.content, language: r.language, path: r.path } }));
    at = 0;
    if (page.length < pageSize) exhausted = true;
    if (page.length) after = page[page.length - 1].itemId;
  };

  return async function next() {
    for (;;) {
      if (at < page.length) return page[at++];
      if (exhausted) return null;
      loading ??= load().finally(() => (loading = null));
      await loading;
    }
  };
}

type Row = { id: number | bigint; snippetId: number | bigint; content: string; language: string; path: string | null };
