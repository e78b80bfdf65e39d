import { z } from "zod";
import { db } from "@/lib/db/client";
import { badRequest, HttpError } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { isLlmConfigured } from "@/lib/llm/config";
import { withSeed } from "./campaign-filter";
import { estimateCampaign, ZEstimateCampaign } from "./estimate-campaign";
import { resolveCampaignSettings } from "./resolve-campaign-settings";
import type { CampaignEstimate } from "./types";

export const ZCreateCampaign = ZEstimateCampaign;
export type TCreateCampaign = z.input<typeof ZCreateCampaign>;

export const CAMPAIGN_JOB = "labels.campaign";

/**
 * Starts a labeling campaign: checks the dataset, the LLM endpoint and the prompt version, estimates it,
 * then writes the campaign and its `labels.campaign` job in one transaction (both or neither). The stored
 * filter carries the random seed, so the selection is reproducible. 409 when the LLM is not configured,
 * 400 when nothing would be labeled.
 */
export async function createCampaign(input: TCreateCampaign & { createdById?: string }, registry: JobRegistry): Promise<{ id: number; jobId: number; estimate: CampaignEstimate }> {
  const v = ZCreateCampaign.parse(input);
  const settings = await resolveCampaignSettings(v);
  if (!isLlmConfigured(settings.config)) throw new HttpError(409, "no LLM endpoint is configured: set one on the Settings page (or OPENAI_API_KEY / OPENAI_BASE_URL)");
  const filter = withSeed(v.filter);
  const estimate = await estimateCampaign({ ...v, filter, model: settings.model, promptVersion: settings.prompt.version });
  if (estimate.count === 0) {
    throw badRequest(
      estimate.alreadyLabeled > 0
        ? `nothing to label: the ${estimate.alreadyLabeled.toLocaleString("en-US")} matching snippets already have a label from ${settings.model} with prompt ${settings.prompt.version}`
        : "nothing to label: no snippet matches this selection",
    );
  }
  return db().$transaction(async (tx) => {
    const campaign = await tx.labelCampaign.create({
      data: {
        datasetId: settings.dataset.id,
        mode: v.mode,
        model: settings.model,
        promptId: settings.prompt.id,
        promptVersion: settings.prompt.version,
        filter: JSON.stringify(filter),
        concurrency: v.concurrency,
        createdById: input.createdById,
        estInputTokens: BigInt(estimate.inputTokens),
        estOutputTokens: BigInt(estimate.outputTokens),
        estCostUsd: estimate.costUsd,
        estSeconds: estimate.seconds,
      },
    });
    const job = await enqueueJob(tx, { name: CAMPAIGN_JOB, payload: { campaignId: campaign.id } }, registry);
    await tx.labelCampaign.update({ where: { id: campaign.id }, data: { jobId: job.id } });
    return { id: campaign.id, jobId: job.id, estimate };
  });
}
