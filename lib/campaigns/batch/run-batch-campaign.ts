import type { LlmBatch } from "@syllabus/prisma-sqlite";
import type OpenAI from "openai";
import type { Batch } from "openai/resources/batches";
import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { JobCancelledError } from "@/lib/jobs/abort-reasons";
import { getLlmConfig } from "@/lib/llm/config";
import { createLlmClient } from "@/lib/llm/create-llm-client";
import { costOf } from "@/lib/llm/pricing/cost-of";
import { getPrice } from "@/lib/llm/pricing/get-price";
import { toPromptVersion } from "@/lib/llm/prompts/to-prompt-version";
import { sleep } from "@/lib/llm/sleep";
import { withLlmRetry } from "@/lib/llm/with-llm-retry";
import { withRequestSignal } from "@/lib/llm/with-request-signal";
import { formatCampaignProgress } from "../format-campaign-progress";
import { batchPollIntervalMs } from "./batch-settings";
import { planBatchChunks } from "./plan-batch-chunks";
import { settleBatchChunk } from "./settle-batch-chunk";
import { submitBatchChunk } from "./submit-batch-chunk";

export type BatchRunOptions = {
  /** Default: a client for the configured endpoint. */
  client?: OpenAI;
  /** Default: SYLLABUS_BATCH_POLL_MS or 30 s. */
  pollIntervalMs?: number;
  /** Chunk limits; default the Batch API's (see BATCH_LIMITS). */
  maxRequests?: number;
  maxBytes?: number;
};

const FINAL = new Set(["completed", "failed", "expired", "cancelled"]);

/**
 * Labels a batch-mode campaign's pending items through the OpenAI Batch API: plans chunks (LlmBatch rows),
 * uploads and submits every chunk, then polls them all until each is final and ingests its results. All
 * state lives in LlmBatch rows and item statuses, written as soon as it is known, so a rerun after a crash
 * or a worker restart resumes where this one stopped: it never uploads a chunk whose file id is stored,
 * never creates a second batch for a file, and re-ingesting writes only items still pending.
 *
 * A cancelled job cancels its remote batches (best effort); a worker shutdown leaves them running for the
 * next run to pick up.
 */
export async function runBatchCampaign(campaignId: number, ctx: TaskContext, options: BatchRunOptions = {}): Promise<void> {
  const campaign = await db().labelCampaign.findUnique({ where: { id: campaignId } });
  if (!campaign) throw notFound(`no campaign ${campaignId}`);
  if (campaign.mode !== "batch") throw new Error(`campaign ${campaignId} runs in ${campaign.mode} mode, not batch`);
  const promptRow = await db().prompt.findUnique({ where: { id: campaign.promptId } });
  if (!promptRow) throw new Error(`prompt version ${campaign.promptVersion} (id ${campaign.promptId}) no longer exists`);
  const prompt = toPromptVersion(promptRow);
  const pollMs = options.pollIntervalMs ?? batchPollIntervalMs();
  const client = options.client ?? createLlmClient(await getLlmConfig());
  const price = await getPrice(campaign.model);

  const planned = await planBatchChunks({ campaign, prompt, maxRequests: options.maxRequests, maxBytes: options.maxBytes });
  if (planned) ctx.log(`planned ${planned} batch chunk${planned === 1 ? "" : "s"}`, "info");

  const counts = { labeled: campaign.labeled, failed: campaign.failed, skipped: campaign.skipped, costUsd: campaign.costUsd };
  const done = () => counts.labeled + counts.failed + counts.skipped;
  const progress = (extra = "") => ctx.reportProgress(done(), campaign.total, formatCampaignProgress(counts) + extra);
  const onRecorded = async (status: "labeled" | "failed" | "skipped" | null, outcome: { usage: { inputTokens: number; outputTokens: number } }) => {
    if (!status) return;
    counts[status]++;
    counts.costUsd += costOf(price, outcome.usage, { batch: true });
    await progress(" · ingesting");
  };

  const rows = await db().llmBatch.findMany({ where: { campaignId }, orderBy: { chunk: "asc" } });
  try {
    for (const [i, row] of rows.entries()) {
      if (row.status === "ingested" || row.batchId) continue;
      await progress(` · submitting chunk ${row.chunk}/${rows.length}`);
      rows[i] = await submitBatchChunk({ client, campaign, prompt, batch: row, ctx });
    }

    const settled = new Set(rows.filter((r) => r.status === "ingested").map((r) => r.id));
    for (;;) {
      const remotes: Batch[] = [];
      for (const [i, row] of rows.entries()) {
        if (settled.has(row.id)) continue;
        const { value: remote } = await withLlmRetry(() => withRequestSignal(ctx.signal, (s) => client.batches.retrieve(row.batchId!, { signal: s })), { signal: ctx.signal });
        rows[i] = await recordRemote(row, remote, ctx);
        remotes.push(remote);
        if (!FINAL.has(remote.status)) continue;
        await settleBatchChunk({ client, campaign, batch: rows[i], remote, price, ctx, onRecorded });
        settled.add(row.id);
      }
      if (settled.size === rows.length) break;
      await progress(` · ${describeRemotes(remotes)}`);
      await ctx.heartbeat();
      await sleep(pollMs, ctx.signal);
    }
    await progress();
  } catch (e) {
    if (ctx.signal.aborted && ctx.signal.reason instanceof JobCancelledError) await cancelRemoteBatches(client, campaignId, ctx);
    throw e;
  }
}

/** Stores what changed on the remote batch (status, file ids, error) and logs status changes. */
async function recordRemote(row: LlmBatch, remote: Batch, ctx: TaskContext): Promise<LlmBatch> {
  const error = remote.errors?.data?.length ? remote.errors.data.map((e) => e.message ?? e.code).join("; ").slice(0, 2000) : null;
  const data = { status: remote.status, outputFileId: remote.output_file_id ?? null, errorFileId: remote.error_file_id ?? null, error };
  if (row.status === data.status && row.outputFileId === data.outputFileId && row.errorFileId === data.errorFileId && row.error === data.error) return row;
  if (row.status !== data.status) {
    const c = remote.request_counts;
    ctx.log(`chunk ${row.chunk}: batch ${remote.id} ${row.status} → ${remote.status}${c ? ` (${c.completed} done, ${c.failed} failed of ${c.total})` : ""}${error ? `: ${error}` : ""}`, FINAL.has(remote.status) && remote.status !== "completed" ? "warn" : "info");
  }
  return db().llmBatch.update({ where: { id: row.id }, data });
}

function describeRemotes(remotes: Batch[]): string {
  const requests = remotes.reduce((s, b) => ({ done: s.done + (b.request_counts?.completed ?? 0) + (b.request_counts?.failed ?? 0), total: s.total + (b.request_counts?.total ?? 0) }), { done: 0, total: 0 });
  const byStatus = new Map<string, number>();
  for (const b of remotes) byStatus.set(b.status, (byStatus.get(b.status) ?? 0) + 1);
  const statuses = [...byStatus].map(([s, n]) => `${n} ${s.replace("_", " ")}`).join(", ");
  return `batches: ${statuses}${requests.total ? ` (${requests.done.toLocaleString("en-US")}/${requests.total.toLocaleString("en-US")} requests done)` : ""}`;
}

/** On cancel: ask the provider to stop every batch of the campaign still running; failures are logged only. */
async function cancelRemoteBatches(client: OpenAI, campaignId: number, ctx: TaskContext): Promise<void> {
  const open = await db().llmBatch.findMany({ where: { campaignId, batchId: { not: null }, status: { notIn: [...FINAL, "ingested", "cancelling"] } } });
  for (const row of open) {
    try {
      const remote = await client.batches.cancel(row.batchId!);
      await db().llmBatch.update({ where: { id: row.id }, data: { status: remote.status } });
      ctx.log(`chunk ${row.chunk}: batch ${row.batchId} ${remote.status}`, "info");
    } catch (e) {
      ctx.log(`chunk ${row.chunk}: could not cancel batch ${row.batchId}: ${e instanceof Error ? e.message : String(e)}`, "warn");
    }
  }
}
