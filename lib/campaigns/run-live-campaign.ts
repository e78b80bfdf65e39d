import { setMaxListeners } from "node:events";
import type { LabelCampaign } from "@syllabus/prisma-sqlite";
import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { getLlmConfig } from "@/lib/llm/config";
import { createLlmClient } from "@/lib/llm/create-llm-client";
import { costOf } from "@/lib/llm/pricing/cost-of";
import { getPrice } from "@/lib/llm/pricing/get-price";
import { toPromptVersion } from "@/lib/llm/prompts/to-prompt-version";
import { scoreSnippet } from "@/lib/llm/score-snippet";
import { formatCampaignProgress } from "./format-campaign-progress";
import { readPendingItems } from "./read-pending-items";
import { createResultWriter } from "./create-result-writer";

export type LiveRunOptions = {
  /** Backoff scale between retries of one request (default: lib/llm's); tests make it small. */
  retryBaseDelayMs?: number;
  /** Attempts per request, the first included (default: lib/llm's). */
  maxAttempts?: number;
};

// A job log is for people: beyond this many lines per run, retries are only counted.
const MAX_LOG_LINES = 300;

export class EndpointFailingError extends Error {
  override name = "EndpointFailingError";
}

/**
 * Labels the campaign's pending items through chat completions with `concurrency` requests in flight.
 * Each result is written as soon as it arrives (recordItemResult, grouped with any others that arrived
 * while the previous write committed), so a crash loses only what was in flight and a rerun continues with what is still pending. Stops taking items when ctx.signal aborts; the
 * requests in flight abort with it. When the endpoint itself keeps failing (every item of a long streak
 * failed without a reply: wrong key, server down), it stops with EndpointFailingError instead of marking
 * the whole selection failed; the job retries later.
 */
export async function runLiveCampaign(campaign: LabelCampaign, ctx: TaskContext, options: LiveRunOptions = {}): Promise<void> {
  const client = createLlmClient(await getLlmConfig());
  const promptRow = await db().prompt.findUnique({ where: { id: campaign.promptId } });
  if (!promptRow) throw new Error(`prompt version ${campaign.promptVersion} (id ${campaign.promptId}) no longer exists`);
  const prompt = toPromptVersion(promptRow);
  const price = await getPrice(campaign.model);
  const fresh = await db().labelCampaign.findUniqueOrThrow({ where: { id: campaign.id } });
  const counts = { labeled: fresh.labeled, failed: fresh.failed, skipped: fresh.skipped, costUsd: fresh.costUsd };
  const total = fresh.total;
  const done = () => counts.labeled + counts.failed + counts.skipped;
  await ctx.reportProgress(done(), total, formatCampaignProgress(counts));

  const stop = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stop.signal]);
  // One listener per worker (see itemAbort below): more than Node's default warning threshold of 10.
  setMaxListeners(campaign.concurrency + 10, signal);
  const record = createResultWriter(campaign, price);
  const next = readPendingItems(campaign.id, Math.max(100, campaign.concurrency * 4));
  const streakLimit = Math.max(10, campaign.concurrency * 2);
  let streak = 0;
  let logLines = 0;
  const log = (message: string, level: "info" | "warn" | "error" = "warn") => {
    if (logLines < MAX_LOG_LINES) ctx.log(message, level);
    else if (logLines === MAX_LOG_LINES) ctx.log(`more than ${MAX_LOG_LINES} notable events; the rest are only counted`, "info");
    logLines++;
  };
  let firstError: unknown = null;

  const worker = async () => {
    while (!signal.aborted) {
      const item = await next();
      if (!item) return;
      let outcome;
      // A signal per item: the SDK adds an abort listener per request and never removes it, which on the
      // run's signal would pile up one listener (and its closure) per request for the whole campaign.
      const itemAbort = new AbortController();
      const forward = () => itemAbort.abort(signal.reason);
      signal.addEventListener("abort", forward, { once: true });
      try {
        outcome = await scoreSnippet({
          client,
          model: campaign.model,
          prompt,
          snippet: item.snippet,
          signal: itemAbort.signal,
          maxAttempts: options.maxAttempts,
          baseDelayMs: options.retryBaseDelayMs,
          onRetry: (r) => log(`snippet ${item.snippetId}: ${r.reason}; retry ${r.attempt} in ${(r.waitMs / 1000).toFixed(1)} s`),
        });
      } catch (e) {
        if (signal.aborted) return;
        throw e;
      } finally {
        signal.removeEventListener("abort", forward);
      }
      const status = await record({ itemId: item.itemId, snippetId: item.snippetId, outcome });
      if (status) {
        counts[status]++;
        counts.costUsd += costOf(price, outcome.usage, { batch: false });
      }
      if (!outcome.ok) log(`snippet ${item.snippetId} failed: ${outcome.error}`);
      streak = outcome.ok || outcome.rawReply !== null ? 0 : streak + 1;
      if (streak >= streakLimit) throw new EndpointFailingError(`the last ${streak} snippets all failed without a reply (last: ${outcome.ok ? "" : outcome.error}); stopping until the endpoint recovers`);
      await ctx.reportProgress(done(), total, formatCampaignProgress(counts));
    }
  };

  await Promise.all(
    Array.from({ length: campaign.concurrency }, () =>
      worker().catch((e) => {
        firstError ??= e;
        stop.abort(e);
      }),
    ),
  );
  if (firstError) throw firstError;
  await ctx.reportProgress(done(), total, formatCampaignProgress(counts));
}
