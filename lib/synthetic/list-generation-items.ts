import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { GenerationItemView } from "./types";

export const ZListGenerationItems = z.object({
  campaignId: z.coerce.number().int().positive(),
  status: z.enum(["pending", "generated", "failed"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** id of the last item of the previous page. */
  after: z.coerce.number().int().min(0).optional(),
});
export type TListGenerationItems = z.input<typeof ZListGenerationItems>;

/**
 * A page of a campaign's planned items in plan order: constraints, status, the reason and raw reply of a
 * failure, tokens and cost, the snippet made (with its title and review status), and whether the reply
 * only linked to a snippet that already existed.
 */
export async function listGenerationItems(input: TListGenerationItems): Promise<{ items: GenerationItemView[]; nextAfter: number | null; counts: Record<"pending" | "generated" | "failed", number> }> {
  const { campaignId, status, limit, after } = ZListGenerationItems.parse(input);
  const exists = await db().generationCampaign.count({ where: { id: campaignId } });
  if (!exists) throw notFound(`no generation campaign with id ${campaignId}`);
  const [rows, grouped] = await Promise.all([
    db().generationItem.findMany({
      where: { campaignId, status, ...(after !== undefined && { id: { gt: after } }) },
      orderBy: { id: "asc" },
      take: limit + 1,
      include: { snippet: { select: { synthetic: { select: { campaignId: true, title: true, reviewStatus: true } } } } },
    }),
    db().generationItem.groupBy({ by: ["status"], where: { campaignId }, _count: { _all: true } }),
  ]);
  const page = rows.slice(0, limit);
  // A snippet made by this campaign belongs to the first of its items that points at it; later ones linked.
  const snippetIds = [...new Set(page.map((r) => r.snippetId).filter((id): id is number => id !== null))];
  const firsts = snippetIds.length
    ? await db().generationItem.groupBy({ by: ["snippetId"], where: { campaignId, snippetId: { in: snippetIds } }, _min: { id: true } })
    : [];
  const firstBySnippet = new Map(firsts.map((f) => [f.snippetId!, f._min.id]));
  const counts = { pending: 0, generated: 0, failed: 0 };
  for (const g of grouped) if (g.status in counts) counts[g.status as keyof typeof counts] = g._count._all;
  return {
    items: page.map((r) => {
      const synthetic = r.snippet?.synthetic ?? null;
      const linkedExisting = r.snippetId !== null && (synthetic?.campaignId !== campaignId || firstBySnippet.get(r.snippetId) !== r.id);
      return {
        id: r.id,
        position: r.position,
        kind: r.kind as GenerationItemView["kind"],
        topic: r.topic,
        audience: r.audience,
        functionName: r.functionName,
        status: r.status as GenerationItemView["status"],
        error: r.error,
        rawReply: r.rawReply,
        attempts: r.attempts,
        inputTokens: r.inputTokens,
        outputTokens: r.outputTokens,
        costUsd: r.costUsd,
        latencyMs: r.latencyMs,
        snippetId: r.snippetId,
        linkedExisting,
        title: synthetic?.title ?? null,
        reviewStatus: synthetic?.reviewStatus ?? null,
        updatedAt: r.updatedAt.toISOString(),
      };
    }),
    nextAfter: rows.length > limit ? page[page.length - 1].id : null,
    counts,
  };
}
