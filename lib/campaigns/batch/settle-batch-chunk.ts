import type { LlmBatch } from "@syllabus/prisma-sqlite";
import type OpenAI from "openai";
import type { Batch } from "openai/resources/batches";
import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import type { ScoreOutcome } from "@/lib/llm/types";
import { withLlmRetry } from "@/lib/llm/with-llm-retry";
import { withRequestSignal } from "@/lib/llm/with-request-signal";
import { recordItemResult, type RecordedStatus, type RecordItemResultInput } from "../record-item-result";
import { readBatchLine } from "./read-batch-line";

export type SettleBatchChunkInput = {
  client: OpenAI;
  campaign: RecordItemResultInput["campaign"];
  batch: LlmBatch;
  /** The remote batch, in a final state (completed, failed, expired or cancelled). */
  remote: Batch;
  price: RecordItemResultInput["price"];
  ctx: TaskContext;
  /** Called after each item is written (status null: it had been recorded already). */
  onRecorded: (status: RecordedStatus | null, outcome: ScoreOutcome) => Promise<void>;
};

/**
 * Writes the results of a finished batch to its chunk's items: every line of the output and error files
 * through recordItemResult, then the items the batch did not answer as failed with the reason (missing
 * from the output, or why the batch failed, expired or was cancelled — partial results are kept). Safe to
 * repeat after a crash mid-way: only items still pending are written. A completed chunk ends `ingested`.
 */
export async function settleBatchChunk({ client, campaign, batch, remote, price, ctx, onRecorded }: SettleBatchChunkInput): Promise<void> {
  const { signal } = ctx;
  const rows = await db().campaignItem.findMany({ where: { campaignId: campaign.id, batchChunk: batch.chunk, status: "pending" }, select: { id: true, snippetId: true } });
  const pending = new Map(rows.map((r) => [r.id, r.snippetId]));
  const record = async (itemId: number, snippetId: number, outcome: ScoreOutcome) => {
    pending.delete(itemId);
    await onRecorded(await recordItemResult({ campaign, itemId, snippetId, outcome, price }), outcome);
  };

  for (const fileId of [remote.output_file_id, remote.error_file_id]) {
    if (!fileId || pending.size === 0) continue;
    const { value: text } = await withLlmRetry(() => withRequestSignal(signal, async (s) => (await client.files.content(fileId, { signal: s })).text()), { signal });
    let ingested = 0;
    let foreign = 0;
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      signal.throwIfAborted();
      const { itemId, outcome } = readBatchLine(line);
      const snippetId = itemId === null ? undefined : pending.get(itemId);
      if (itemId === null) foreign++;
      if (itemId === null || snippetId === undefined) continue;
      await record(itemId, snippetId, outcome);
      ingested++;
    }
    ctx.log(`chunk ${batch.chunk}: ingested ${ingested.toLocaleString("en-US")} lines of ${fileId}${foreign ? `; ${foreign} lines named no item of this campaign` : ""}`, foreign ? "warn" : "info");
  }

  if (pending.size > 0) {
    const reason = remote.status === "completed" ? "missing from the batch output" : failureReason(remote);
    ctx.log(`chunk ${batch.chunk}: ${pending.size.toLocaleString("en-US")} items failed: ${reason}`, "warn");
    for (const [itemId, snippetId] of [...pending]) {
      signal.throwIfAborted();
      await record(itemId, snippetId, { ok: false, error: reason, rawReply: null, usage: { inputTokens: 0, outputTokens: 0 }, requests: 0, latencyMs: 0 });
    }
  }
  if (remote.status === "completed") await db().llmBatch.update({ where: { id: batch.id }, data: { status: "ingested" } });
}

export function failureReason(remote: Batch): string {
  const details = (remote.errors?.data ?? []).map((e) => [e.code, e.message].filter(Boolean).join(": ")).filter(Boolean);
  const what =
    remote.status === "expired" ? "the batch expired: the provider did not finish it within its 24 h window" : remote.status === "cancelled" ? "the batch was cancelled" : `the batch ${remote.status}`;
  return details.length ? `${what} (${details.slice(0, 3).join("; ")})` : what;
}
