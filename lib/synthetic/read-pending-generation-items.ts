import { db } from "@/lib/db/client";
import { keysetReader } from "@/lib/db/keyset-reader";
import type { SyntheticKind } from "./compose-content";

export type PendingGenerationItem = { itemId: number; position: number; kind: SyntheticKind; topic: string; audience: string | null; functionName: string | null };

/** A campaign's pending items for a pool of workers, read ahead page by page (lib/db/keyset-reader.ts). */
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
  return keysetReader(load, (item) => item.itemId, pageSize);
}
