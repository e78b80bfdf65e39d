import { z } from "zod";
import { db } from "@/lib/db/client";
import { badRequest, HttpError, notFound } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { getLlmConfig, isLlmConfigured } from "@/lib/llm/config";
import { GENERATION_JOB } from "./create-generation-campaign";
import { getGenerationCampaign } from "./get-generation-campaign";
import type { GenerationCampaignView } from "./types";

export const ZRetryFailedGeneration = z.object({ campaignId: z.coerce.number().int().positive() });

/**
 * Puts a finished campaign's failed items back to pending (keeping their constraints, and the tokens and cost
 * their attempts used) and queues a new run, in one transaction. Items a cancelled or failed run left pending
 * are resumed too. Only for a campaign whose job is no longer queued or running.
 */
export async function retryFailedGeneration(input: z.input<typeof ZRetryFailedGeneration>, registry: JobRegistry): Promise<GenerationCampaignView> {
  const { campaignId } = ZRetryFailedGeneration.parse(input);
  if (!isLlmConfigured(await getLlmConfig())) throw new HttpError(409, "no LLM endpoint is configured: set one on the Settings page");
  await db().$transaction(async (tx) => {
    const c = await tx.generationCampaign.findUnique({ where: { id: campaignId } });
    if (!c) throw notFound(`no generation campaign with id ${campaignId}`);
    if (c.source === "import") throw badRequest(`campaign ${campaignId} is an import campaign; it has no generation items to retry`);
    const job = c.jobId === null ? null : await tx.job.findUnique({ where: { id: c.jobId } });
    if (job && (job.status === "queued" || job.status === "running")) throw badRequest(`campaign ${campaignId} is still ${job.status}; retry its failed items when it has finished`);
    const { count } = await tx.generationItem.updateMany({ where: { campaignId, status: "failed" }, data: { status: "pending", error: null, rawReply: null } });
    const pending = await tx.generationItem.count({ where: { campaignId, status: "pending" } });
    if (pending === 0) throw badRequest(`campaign ${campaignId} has no failed or pending items to retry`);
    const next = await enqueueJob(tx, { name: GENERATION_JOB, payload: { campaignId } }, registry);
    await tx.generationCampaign.update({ where: { id: campaignId }, data: { failed: { decrement: count }, status: "queued", error: null, finishedAt: null, jobId: next.id } });
  });
  return getGenerationCampaign({ campaignId });
}
