import { setMaxListeners } from "node:events";
import type { GenerationCampaign } from "@syllabus/prisma-sqlite";
import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { groupCommit } from "@/lib/db/group-commit";
import { JobCancelledError, LeaseLostError } from "@/lib/jobs/abort-reasons";
import { getLlmConfig } from "@/lib/llm/config";
import { createLlmClient } from "@/lib/llm/create-llm-client";
import { costOf } from "@/lib/llm/pricing/cost-of";
import { getPrice } from "@/lib/llm/pricing/get-price";
import { toPromptVersion } from "@/lib/llm/prompts/to-prompt-version";
import type { PromptVersion } from "@/lib/llm/types";
import type { SyntheticKind } from "./compose-content";
import { generateItem, type GenerationOutcome } from "./generate-item";
import { readPendingGenerationItems } from "./read-pending-generation-items";
import { recordGenerationResults, type GenerationResult } from "./record-generation-results";

export type GenerationRunOptions = {
  /** Backoff scale between retries of one request (default: lib/llm's); tests make it small. */
  retryBaseDelayMs?: number;
  /** Attempts per request, the first included (default: lib/llm's). */
  maxAttempts?: number;
};

export type RunGenerationResult = { status: "succeeded" | "cancelled" | "interrupted" | "gone"; total: number };

const MAX_LOG_LINES = 300;
const MAX_GROUP = 64;

export class GenerationEndpointFailingError extends Error {
  override name = "GenerationEndpointFailingError";
}

/**
 * The `synthetic.generate` job: generates the campaign's pending items (materialized when it was created)
 * with `concurrency` requests in flight, each result committed as it arrives (grouped with any others that
 * arrived during the previous write), so a crash — kill -9 included — loses only the requests in flight and
 * a rerun continues with what is still pending. Idempotent: a finished campaign is left alone.
 *
 * On abort the campaign follows the job: cancelled on cancel; back to queued on a worker shutdown; untouched
 * when the lease was lost. A long streak of failures without any reply (bad key, server down) stops the run
 * with an error instead of failing every item; the job retries with backoff.
 */
export async function runGenerationCampaign(campaignId: number, ctx: TaskContext, options: GenerationRunOptions = {}): Promise<RunGenerationResult> {
  const campaign = await db().generationCampaign.findUnique({ where: { id: campaignId } });
  if (!campaign) return { status: "gone", total: 0 };
  if (campaign.source !== "llm") throw new Error(`campaign ${campaignId} is an import campaign; it has nothing to generate`);
  if (campaign.status === "succeeded") return { status: "succeeded", total: campaign.total };
  await db().generationCampaign.update({ where: { id: campaignId }, data: { status: "running", error: null, finishedAt: null, startedAt: campaign.startedAt ?? new Date() } });

  try {
    const pending = await db().generationItem.count({ where: { campaignId, status: "pending" } });
    ctx.log(`${pending.toLocaleString("en-US")} of ${campaign.total.toLocaleString("en-US")} items to generate; ${campaign.model}, concurrency ${campaign.concurrency}`, "info");
    await generatePending(campaign, ctx, options);
  } catch (e) {
    if (!ctx.signal.aborted) {
      await db().generationCampaign.update({ where: { id: campaignId }, data: { status: "failed", error: e instanceof Error ? e.message : String(e) } });
      throw e;
    }
  }
  if (ctx.signal.aborted) return { status: await settleAbort(campaignId, ctx.signal.reason), total: campaign.total };
  const left = await db().generationItem.count({ where: { campaignId, status: "pending" } });
  if (left > 0) throw new Error(`${left} items are still pending; the job will run again`);
  await db().generationCampaign.updateMany({ where: { id: campaignId, status: "running" }, data: { status: "succeeded", finishedAt: new Date() } });
  return { status: "succeeded", total: campaign.total };
}

async function generatePending(campaign: GenerationCampaign, ctx: TaskContext, options: GenerationRunOptions): Promise<void> {
  const client = createLlmClient(await getLlmConfig());
  const prompts = await loadPrompts(campaign);
  const price = await getPrice(campaign.model);
  const fresh = await db().generationCampaign.findUniqueOrThrow({ where: { id: campaign.id } });
  const counts = { generated: fresh.generated, failed: fresh.failed, costUsd: fresh.costUsd };
  const total = fresh.total;
  const progress = () => ctx.reportProgress(counts.generated + counts.failed, total, `${counts.generated} generated · ${counts.failed} failed · $${counts.costUsd.toFixed(4)}`);
  await progress();

  const stop = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stop.signal]);
  setMaxListeners(campaign.concurrency + 10, signal);
  const write = createGenerationWriter({ id: campaign.id, datasetId: campaign.datasetId, model: campaign.model }, price);
  const items = readPendingGenerationItems(campaign.id, Math.max(50, campaign.concurrency * 4));
  const streakLimit = Math.max(10, campaign.concurrency * 2);
  let streak = 0;
  let logLines = 0;
  const log = (message: string, level: "info" | "warn" | "error" = "warn") => {
    if (logLines < MAX_LOG_LINES) ctx.log(message, level);
    else if (logLines === MAX_LOG_LINES) ctx.log(`more than ${MAX_LOG_LINES} notable events; the rest are only counted`, "info");
    logLines++;
  };
  let firstError: unknown = null;
  const fail = (e: unknown) => {
    firstError ??= e;
    stop.abort(e);
  };

  const worker = async () => {
    let writing: Promise<void> = Promise.resolve();
    try {
      while (!signal.aborted) {
        const item = await items.next();
        if (!item) return;
        let outcome: GenerationOutcome;
        try {
          outcome = await generateItem({
            client,
            model: campaign.model,
            prompt: prompts[item.kind],
            item,
            temperature: campaign.temperature,
            maxTokens: campaign.maxTokens,
            signal,
            maxAttempts: options.maxAttempts,
            baseDelayMs: options.retryBaseDelayMs,
            onRetry: (r) => log(`item ${item.position + 1}: ${r.reason}; retry ${r.attempt} in ${(r.waitMs / 1000).toFixed(1)} s`),
          });
        } catch (e) {
          if (signal.aborted) return;
          throw e;
        }
        await writing;
        writing = write({ ...item, outcome })
          .then((status) => {
            if (status) {
              counts[status]++;
              counts.costUsd += costOf(price, outcome.usage);
            }
            return progress();
          })
          .catch(fail);
        if (!outcome.ok) log(`item ${item.position + 1} (${item.kind}, ${item.topic}) failed: ${outcome.error}`);
        streak = outcome.ok || outcome.rawReply !== null ? 0 : streak + 1;
        if (streak >= streakLimit) throw new GenerationEndpointFailingError(`the last ${streak} items all failed without a reply (last: ${outcome.ok ? "" : outcome.error}); stopping until the endpoint recovers`);
      }
    } finally {
      await writing;
    }
  };

  await Promise.all(Array.from({ length: campaign.concurrency }, () => worker().catch(fail)));
  await items.close();
  if (firstError) throw firstError;
  await progress();
}

async function loadPrompts(campaign: GenerationCampaign): Promise<Record<SyntheticKind, PromptVersion>> {
  const load = async (id: number | null, kind: SyntheticKind) => {
    if (id === null) return null;
    const row = await db().prompt.findUnique({ where: { id } });
    if (!row) throw new Error(`the campaign's ${kind} prompt (id ${id}) no longer exists`);
    return toPromptVersion(row);
  };
  const [textbook, exercise] = await Promise.all([load(campaign.textbookPromptId, "textbook"), load(campaign.exercisePromptId, "exercise")]);
  // A kind the campaign has no prompt for has no items either; the proxy only guards against a corrupt plan.
  const missing = (kind: SyntheticKind) => {
    throw new Error(`campaign ${campaign.id} has ${kind} items but no ${kind} prompt`);
  };
  return {
    get textbook() {
      return textbook ?? missing("textbook");
    },
    get exercise() {
      return exercise ?? missing("exercise");
    },
  };
}

/** Group commit (lib/db/group-commit.ts) of generated items: each caller's promise resolves once its item committed. */
function createGenerationWriter(campaign: { id: number; datasetId: number; model: string }, price: Awaited<ReturnType<typeof getPrice>>) {
  return groupCommit((results: GenerationResult[]) => recordGenerationResults(campaign, price, results), MAX_GROUP);
}

async function settleAbort(campaignId: number, reason: unknown): Promise<RunGenerationResult["status"]> {
  if (reason instanceof LeaseLostError) return "interrupted";
  if (reason instanceof JobCancelledError) {
    await db().generationCampaign.update({ where: { id: campaignId }, data: { status: "cancelled", finishedAt: new Date() } });
    return "cancelled";
  }
  await db().generationCampaign.updateMany({ where: { id: campaignId, status: "running" }, data: { status: "queued" } });
  return "interrupted";
}
