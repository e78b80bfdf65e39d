import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { JobCancelledError, LeaseLostError } from "@/lib/jobs/abort-reasons";
import { materializeCampaignItems } from "./materialize-campaign-items";
import { runLiveCampaign, type LiveRunOptions } from "./run-live-campaign";

export type RunCampaignResult = { status: "succeeded" | "cancelled" | "interrupted" | "gone"; total: number };

/**
 * The `labels.campaign` job: fixes the selection (once), then labels what is still pending — live with a
 * pool of concurrent requests, or through the Batch API (lib/campaigns/batch). Idempotent: a finished
 * campaign is left alone, and a rerun after a crash or a shutdown continues with the pending items.
 *
 * On abort the campaign follows the job: cancelled on cancel; back to queued on a worker shutdown (the job
 * is requeued); untouched when the lease was lost (another worker owns it now). An error is recorded on
 * the campaign and rethrown, so the job retries with backoff; the campaign shows as failed once the job
 * gives up (see toCampaignView).
 */
export async function runCampaign(campaignId: number, ctx: TaskContext, options: LiveRunOptions = {}): Promise<RunCampaignResult> {
  const campaign = await db().labelCampaign.findUnique({ where: { id: campaignId } });
  // Deleted with its dataset: nothing left to do.
  if (!campaign) return { status: "gone", total: 0 };
  if (campaign.status === "succeeded") return { status: "succeeded", total: campaign.total };
  await db().labelCampaign.update({ where: { id: campaignId }, data: { status: "running", error: null, finishedAt: null } });

  let total = campaign.total;
  try {
    total = await materializeCampaignItems(campaignId);
    ctx.log(`${total.toLocaleString("en-US")} snippets selected; ${campaign.mode} mode, ${campaign.model}, prompt ${campaign.promptVersion}`, "info");
    if (campaign.mode === "batch") await (await import("./batch/run-batch-campaign")).runBatchCampaign(campaignId, ctx);
    else await runLiveCampaign(campaign, ctx, options);
  } catch (e) {
    if (!ctx.signal.aborted) {
      await db().labelCampaign.update({ where: { id: campaignId }, data: { status: "failed", error: e instanceof Error ? e.message : String(e) } });
      throw e;
    }
  }
  if (ctx.signal.aborted) return { status: await settleAbort(campaignId, ctx.signal.reason), total };

  const pending = await db().campaignItem.count({ where: { campaignId, status: "pending" } });
  // Only another run working on the same campaign at the same time leaves items pending here.
  if (pending > 0) throw new Error(`${pending} items are still pending; the job will run again`);
  await db().labelCampaign.updateMany({ where: { id: campaignId, status: "running" }, data: { status: "succeeded", finishedAt: new Date() } });
  return { status: "succeeded", total };
}

async function settleAbort(campaignId: number, reason: unknown): Promise<RunCampaignResult["status"]> {
  if (reason instanceof LeaseLostError) return "interrupted";
  if (reason instanceof JobCancelledError) {
    await db().labelCampaign.update({ where: { id: campaignId }, data: { status: "cancelled", finishedAt: new Date() } });
    return "cancelled";
  }
  await db().labelCampaign.updateMany({ where: { id: campaignId, status: "running" }, data: { status: "queued" } });
  return "interrupted";
}
