import { db } from "@/lib/db/client";
import type { SyntheticKind } from "./compose-content";

export type PendingGenerationItem = { itemId: number; position: number; kind: SyntheticKind; topic: string; audience: string | null; functionName: string | null };

/**
 * A shared source of a campaign's pending items for a pool of workers: pages read by a keyset cursor on the
 * item id, one page at a time however many workers ask, the next page read ahead. Items in flight stay
 * `pending` in the database; the cursor keeps them from coming back in this run.
 */
export function readPendingGenerationItems(campaignId: number, pageSize: number) {
  const load = async (after: number): Promise<PendingGenerationItem[]> => {
    const rows = await db().generationItem.findMany({
      where: { campaignId, status: "pending", id: { gt: after } },
      orderBy: { id: "asc" },
      take: pageSize,
      select: { id: true, position: true, kind: true, topic: true, audience: true, functionName: true },
    });
    return rows.map((r) => ({ itemId: r.id, position: r.position, kind: r.kind as SyntheticKind, topic: r.topic, audience: r.audience, functionName: r.functionName }));
  };
  const start = (after: number) => {
    const p = load(after);
    p.catch(() => {});
    return p;
  };
  let page: PendingGenerationItem[] = [];
  let at = 0;
  let ahead: Promise<PendingGenerationItem[]> | null = start(0);
  return {
    async next(): Promise<PendingGenerationItem | null> {
      for (;;) {
        if (at < page.length) return page[at++];
        const waiting = ahead;
        if (!waiting) return null;
        const rows = await waiting;
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
