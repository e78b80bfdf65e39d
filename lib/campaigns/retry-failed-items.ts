import { z } from "zod";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { CAMPAIGN_JOB } from "./create-campaign";
import { getCampaign } from "./get-campaign";
import type { CampaignView } from "./types";

export const ZRetryFailedItems = z.object({ campaignId: z.coerce.number().int().positive() });
export type TRetryFailedItems = z.input<typeof ZRetryFailedItems>;

/**
 * Puts a finished campaign's failed items back to pending and queues a new run, in one transaction. The
 * tokens and cost those failed attempts used stay counted (on the items and the campaign); a new attempt
 * adds to them. Only for a campaign whose job is no longer queued or running.
 */
export async function retryFailedItems(input: TRetryFailedItems, registry: JobRegistry): Promise<CampaignView> {
  const { campaignId } = ZRetryFailedItems.parse(input);
  await db().$transaction(async (tx) => {
    const c = await tx.labelCampaign.findUnique({ where: { id: campaignId } });
    if (!c) throw notFound(`no campaign with id ${campaignId}`);
    const job = c.jobId === null ? null : await tx.job.findUnique({ where: { id: c.jobId } });
    if (job && (job.status === "queued" || job.status === "running")) throw badRequest(`campaign ${campaignId} is still ${job.status}; retry its failed items when it has finished`);
    const { count } = await tx.campaignItem.updateMany({ where: { campaignId, status: "failed" }, data: { status: "pending", error: null, rawReply: null } });
    // Items a cancelled or failed run left pending are resumed too.
    const pending = await tx.campaignItem.count({ where: { campaignId, status: "pending" } });
    if (pending === 0) throw badRequest(`campaign ${campaignId} has no failed items to retry`);
    const next = await enqueueJob(tx, { name: CAMPAIGN_JOB, payload: { campaignId } }, registry);
    await tx.labelCampaign.update({
      where: { id: campaignId },
      data: { failed: { decrement: count }, status: "queued", error: null, finishedAt: null, jobId: next.id },
    });
  });
  return getCampaign({ campaignId });
}
