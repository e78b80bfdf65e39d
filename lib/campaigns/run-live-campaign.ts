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
import type { ScoreOutcome } from "@/lib/llm/types";
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
 * Each result is written as soon as it arrives (recordItemResults, grouped with any others that arrived
 * while the previous write committed) while its worker already sends the next request, so a crash loses
 * what was in flight plus at most one uncommitted result per worker, and a rerun continues with what is
 * still pending. Stops taking items when ctx.signal aborts; the requests in flight abort with it, the
 * writes in progress finish. When the endpoint itself keeps failing (every item of a long streak failed
 * without a reply: wrong key, server down), it stops with EndpointFailingError instead of marking the
 * whole selection failed; the job retries later.
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
  // Each worker's request or retry wait listens on it while it lasts: more than Node's default warning
  // threshold of 10.
  setMaxListeners(campaign.concurrency + 10, signal);
  const record = createResultWriter(campaign, price);
  const items = readPendingItems(campaign.id, Math.max(100, campaign.concurrency * 4));
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
    // The write of this worker's previous result: it commits while the next request is in flight, and is
    // awaited before the next write, so at most one result per worker is unwritten.
    let writing: Promise<void> = Promise.resolve();
    try {
      while (!signal.aborted) {
        const item = await items.next();
        if (!item) return;
        let outcome: ScoreOutcome;
        try {
          outcome = await scoreSnippet({
            client,
            model: campaign.model,
            prompt,
            snippet: item.snippet,
            signal,
            maxAttempts: options.maxAttempts,
            baseDelayMs: options.retryBaseDelayMs,
            onRetry: (r) => log(`snippet ${item.snippetId}: ${r.reason}; retry ${r.attempt} in ${(r.waitMs / 1000).toFixed(1)} s`),
          });
        } catch (e) {
          if (signal.aborted) return;
          throw e;
        }
        await writing;
        writing = record({ itemId: item.itemId, snippetId: item.snippetId, outcome })
          .then((status) => {
            if (status) {
              counts[status]++;
              counts.costUsd += costOf(price, outcome.usage, { batch: false });
            }
            return ctx.reportProgress(done(), total, formatCampaignProgress(counts));
          })
          .catch(fail);
        if (!outcome.ok) log(`snippet ${item.snippetId} failed: ${outcome.error}`);
        streak = outcome.ok || outcome.rawReply !== null ? 0 : streak + 1;
        if (streak >= streakLimit) throw new EndpointFailingError(`the last ${streak} snippets all failed without a reply (last: ${outcome.ok ? "" : outcome.error}); stopping until the endpoint recovers`);
      }
    } finally {
      await writing;
    }
  };

  await Promise.all(Array.from({ length: campaign.concurrency }, () => worker().catch(fail)));
  await items.close();
  if (firstError) throw firstError;
  await ctx.reportProgress(done(), total, formatCampaignProgress(counts));
}
