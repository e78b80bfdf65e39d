import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { CampaignItemView } from "./types";

export const ZListCampaignItems = z.object({
  campaignId: z.coerce.number().int().positive(),
  status: z.enum(["pending", "labeled", "failed", "skipped"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** id of the last item of the previous page. */
  after: z.coerce.number().int().min(0).optional(),
});
export type TListCampaignItems = z.input<typeof ZListCampaignItems>;

/** A page of a campaign's items in id order (e.g. the failed ones, with reason and raw reply). */
export async function listCampaignItems(input: TListCampaignItems): Promise<{ items: CampaignItemView[]; nextAfter: number | null }> {
  const { campaignId, status, limit, after } = ZListCampaignItems.parse(input);
  const exists = await db().labelCampaign.count({ where: { id: campaignId } });
  if (!exists) throw notFound(`no campaign with id ${campaignId}`);
  const rows = await db().campaignItem.findMany({
    where: { campaignId, status, ...(after !== undefined && { id: { gt: after } }) },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      snippetId: r.snippetId,
      status: r.status as CampaignItemView["status"],
      score: r.score,
      error: r.error,
      rawReply: r.rawReply,
      attempts: r.attempts,
      inputTokens: r.inputTokens,
      outputTokens: r.outputTokens,
      costUsd: r.costUsd,
      latencyMs: r.latencyMs,
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextAfter: rows.length > limit ? page[page.length - 1].id : null,
  };
}
