import { z } from "zod";
import { db } from "@/lib/db/client";
import { loadCampaignViews } from "./load-campaign-views";
import type { GenerationCampaignView } from "./types";

export const ZListGenerationCampaigns = z.object({
  datasetId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** id of the last campaign of the previous page (newest first). */
  before: z.coerce.number().int().positive().optional(),
});
export type TListGenerationCampaigns = z.input<typeof ZListGenerationCampaigns>;

/** Generation and import campaigns newest first, with their jobs' state; keyset paging through `nextBefore`. */
export async function listGenerationCampaigns(input: TListGenerationCampaigns = {}): Promise<{ campaigns: GenerationCampaignView[]; nextBefore: number | null }> {
  const { datasetId, limit, before } = ZListGenerationCampaigns.parse(input);
  const rows = await db().generationCampaign.findMany({
    where: { datasetId, ...(before !== undefined && { id: { lt: before } }) },
    orderBy: { id: "desc" },
    take: limit + 1,
    include: { dataset: { select: { name: true } } },
  });
  const page = rows.slice(0, limit);
  return { campaigns: await loadCampaignViews(page), nextBefore: rows.length > limit ? page[page.length - 1].id : null };
}
