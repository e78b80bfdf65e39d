import type { Job, LabelCampaign } from "@syllabus/prisma-sqlite";
import { parseStoredFilter, type CampaignMode } from "./campaign-filter";
import type { CampaignJobView, CampaignStatus, CampaignView } from "./types";

/**
 * The campaign's status with its job's outcome folded in: the job is the source of truth for whether work
 * will still happen (a job waiting to retry after an error shows as queued; one that gave up or was
 * cancelled before it ran makes the campaign failed or cancelled).
 */
export function effectiveStatus(campaign: Pick<LabelCampaign, "status">, job: Pick<Job, "status"> | null): CampaignStatus {
  const own = campaign.status as CampaignStatus;
  if (!job || own === "succeeded") return own;
  if (job.status === "failed" || job.status === "cancelled") return own === "cancelled" ? "cancelled" : (job.status as CampaignStatus);
  if (job.status === "queued") return own === "cancelled" ? "cancelled" : "queued";
  if (job.status === "running") return "running";
  return own;
}

export function toCampaignView(c: LabelCampaign & { dataset: { name: string } }, job: Job | null, now = new Date()): CampaignView {
  const status = effectiveStatus(c, job);
  const done = c.labeled + c.failed + c.skipped;
  const end = c.finishedAt ?? (status === "running" ? now : null);
  const durationSeconds = c.startedAt && end ? Math.max(0, (end.getTime() - c.startedAt.getTime()) / 1000) : null;
  const jobView: CampaignJobView | null = job
    ? { id: job.id, status: job.status, attempt: job.attempt, maxAttempts: job.maxAttempts, error: job.error, message: job.message, cancelRequested: job.cancelRequested }
    : null;
  return {
    id: c.id,
    datasetId: c.datasetId,
    datasetName: c.dataset.name,
    status,
    mode: c.mode as CampaignMode,
    model: c.model,
    promptVersion: c.promptVersion,
    filter: parseStoredFilter(c.filter),
    concurrency: c.concurrency,
    total: c.total,
    labeled: c.labeled,
    failed: c.failed,
    skipped: c.skipped,
    done,
    pending: Math.max(0, c.total - done),
    requests: c.requests,
    retries: c.retries,
    inputTokens: Number(c.inputTokens),
    outputTokens: Number(c.outputTokens),
    costUsd: c.costUsd,
    estimate: { inputTokens: Number(c.estInputTokens), outputTokens: Number(c.estOutputTokens), costUsd: c.estCostUsd, seconds: c.estSeconds },
    error: c.error ?? (status === "failed" ? (job?.error ?? null) : null),
    createdAt: c.createdAt.toISOString(),
    startedAt: c.startedAt?.toISOString() ?? null,
    finishedAt: c.finishedAt?.toISOString() ?? null,
    durationSeconds,
    itemsPerSecond: durationSeconds && durationSeconds > 0 && done > 0 ? done / durationSeconds : null,
    job: jobView,
  };
}
