import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { loadCampaignViews } from "./load-campaign-views";
import type { GenerationCampaignView } from "./types";

export const ZGetGenerationCampaign = z.object({ campaignId: z.coerce.number().int().positive() });
export type TGetGenerationCampaign = z.input<typeof ZGetGenerationCampaign>;

/** One generation campaign with its totals, estimate, job and review counts; 404 when it does not exist. */
export async function getGenerationCampaign(input: TGetGenerationCampaign): Promise<GenerationCampaignView> {
  const { campaignId } = ZGetGenerationCampaign.parse(input);
  const row = await db().generationCampaign.findUnique({ where: { id: campaignId }, include: { dataset: { select: { name: true } } } });
  if (!row) throw notFound(`no generation campaign with id ${campaignId}`);
  return (await loadCampaignViews([row]))[0];
}
