import { z } from "zod";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { getGenerationCampaign } from "./get-generation-campaign";
import type { GenerationCampaignView } from "./types";

export const ZCancelGenerationCampaign = z.object({ campaignId: z.coerce.number().int().positive() });

/**
 * Cancels a campaign through its job: a queued job is cancelled at once (the campaign with it, in the same
 * transaction); a running one is asked to stop and the worker marks the campaign cancelled once its requests
 * in flight have aborted. Items already generated stay. A finished campaign is a 400.
 */
export async function cancelGenerationCampaign(input: z.input<typeof ZCancelGenerationCampaign>): Promise<GenerationCampaignView> {
  const { campaignId } = ZCancelGenerationCampaign.parse(input);
  await db().$transaction(async (tx) => {
    const c = await tx.generationCampaign.findUnique({ where: { id: campaignId } });
    if (!c) throw notFound(`no generation campaign with id ${campaignId}`);
    if (c.source === "import") throw badRequest(`campaign ${campaignId} is an import campaign; there is nothing to cancel`);
    const job = c.jobId === null ? null : await cancelJob(c.jobId, tx);
    if (job?.status === "running") return;
    if (c.status === "succeeded" || c.status === "cancelled") throw badRequest(`campaign ${campaignId} is already ${c.status}`);
    await tx.generationCampaign.update({ where: { id: campaignId }, data: { status: "cancelled", finishedAt: new Date() } });
  });
  return getGenerationCampaign({ campaignId });
}
