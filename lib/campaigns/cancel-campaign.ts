import { z } from "zod";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { getCampaign } from "./get-campaign";
import type { CampaignView } from "./types";

export const ZCancelCampaign = z.object({ campaignId: z.coerce.number().int().positive() });
export type TCancelCampaign = z.input<typeof ZCancelCampaign>;

/**
 * Cancels a campaign through its job: a queued job is cancelled at once (and the campaign with it, in
 * the same transaction); a running one is asked to stop, and the worker marks the campaign cancelled once
 * its requests in flight have aborted. Labels already written stay. A finished campaign is a 400.
 */
export async function cancelCampaign(input: TCancelCampaign): Promise<CampaignView> {
  const { campaignId } = ZCancelCampaign.parse(input);
  await db().$transaction(async (tx) => {
    const c = await tx.labelCampaign.findUnique({ where: { id: campaignId } });
    if (!c) throw notFound(`no campaign with id ${campaignId}`);
    const job = c.jobId === null ? null : await cancelJob(c.jobId, tx);
    if (job?.status === "running") return;
    if (c.status === "succeeded" || c.status === "cancelled") throw badRequest(`campaign ${campaignId} is already ${c.status}`);
    await tx.labelCampaign.update({ where: { id: campaignId }, data: { status: "cancelled", finishedAt: new Date() } });
  });
  return getCampaign({ campaignId });
}
