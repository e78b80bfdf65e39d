import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { toCampaignView } from "./to-campaign-view";
import type { CampaignView } from "./types";

export const ZGetCampaign = z.object({ campaignId: z.coerce.number().int().positive() });
export type TGetCampaign = z.input<typeof ZGetCampaign>;

/** One campaign with its totals, estimate and job; 404 when it does not exist. */
export async function getCampaign(input: TGetCampaign): Promise<CampaignView> {
  const { campaignId } = ZGetCampaign.parse(input);
  const c = await db().labelCampaign.findUnique({ where: { id: campaignId }, include: { dataset: { select: { name: true } } } });
  if (!c) throw notFound(`no campaign with id ${campaignId}`);
  const job = c.jobId === null ? null : await db().job.findUnique({ where: { id: c.jobId } });
  return toCampaignView(c, job);
}
