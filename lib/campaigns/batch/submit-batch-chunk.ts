import type { LlmBatch } from "@syllabus/prisma-sqlite";
import OpenAI from "openai";
import { toFile } from "openai/uploads";
import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import type { PromptVersion } from "@/lib/llm/types";
import { withLlmRetry } from "@/lib/llm/with-llm-retry";
import { withRequestSignal } from "@/lib/llm/with-request-signal";
import { BATCH_ENDPOINT } from "./batch-request-line";
import { buildBatchInput } from "./build-batch-input";
import { findBatchForFile } from "./find-batch-for-file";

// Our clock and the provider's may disagree; look a little further back for a batch we created.
const CLOCK_SKEW_SECONDS = 600;

export type SubmitBatchChunkInput = {
  client: OpenAI;
  campaign: { id: number; model: string };
  prompt: PromptVersion;
  batch: LlmBatch;
  ctx: TaskContext;
};

/**
 * Uploads a chunk's input file and creates its batch, storing each id the moment it exists. Never submits
 * a chunk twice: when a file id is stored but no batch id (a crash between the two, or a create whose reply
 * was lost), it first looks for a batch already made from that file. A chunk with nothing pending left is
 * marked ingested without a request. Returns the updated row.
 */
export async function submitBatchChunk({ client, campaign, prompt, batch, ctx }: SubmitBatchChunkInput): Promise<LlmBatch> {
  const { signal } = ctx;
  let row = batch;
  if (!row.inputFileId) {
    const input = await buildBatchInput({ campaign, chunk: row.chunk, prompt });
    if (input.count === 0) return db().llmBatch.update({ where: { id: row.id }, data: { status: "ingested" } });
    const name = `syllabus-campaign-${campaign.id}-chunk-${row.chunk}.jsonl`;
    const { value: file } = await withLlmRetry(
      async () => withRequestSignal(signal, async (s) => client.files.create({ file: await toFile(input.jsonl, name, { type: "application/jsonl" }), purpose: "batch" }, { signal: s })),
      { signal },
    ).catch(explainMissingBatchApi);
    const stored = await db().llmBatch.updateMany({ where: { id: row.id, inputFileId: null }, data: { inputFileId: file.id } });
    if (stored.count === 1) ctx.log(`chunk ${row.chunk}: uploaded ${input.count.toLocaleString("en-US")} requests (${(input.jsonl.length / 1e6).toFixed(1)} MB) as ${file.id}`, "info");
    // Another run of this campaign stored its file first: ours is an orphan.
    else await client.files.delete(file.id).catch(() => {});
    row = await db().llmBatch.findUniqueOrThrow({ where: { id: row.id } });
  }
  if (row.batchId) return row;

  const inputFileId = row.inputFileId!;
  const sinceSeconds = Math.floor(row.createdAt.getTime() / 1000) - CLOCK_SKEW_SECONDS;
  const find = () => withRequestSignal(signal, (s) => findBatchForFile({ client, inputFileId, sinceSeconds, signal: s }));
  const { value: found } = await withLlmRetry(find, { signal });
  if (found) ctx.log(`chunk ${row.chunk}: found batch ${found.id} created by an earlier run; not submitting again`, "info");
  const { value: remote } = found
    ? { value: found }
    : await withLlmRetry(
        async (attempt) =>
          // A create that timed out may still have created the batch: look before trying again.
          (attempt > 1 ? await find() : null) ??
          withRequestSignal(signal, (s) =>
            client.batches.create({ input_file_id: inputFileId, endpoint: BATCH_ENDPOINT, completion_window: "24h", metadata: { syllabus_campaign: String(campaign.id), syllabus_chunk: String(row.chunk) } }, { signal: s }),
          ),
        { signal },
      ).catch(explainMissingBatchApi);
  const stored = await db().llmBatch.updateMany({ where: { id: row.id, batchId: null }, data: { batchId: remote.id, status: remote.status } });
  if (stored.count === 1) ctx.log(`chunk ${row.chunk}: batch ${remote.id} submitted (${remote.status})`, "info");
  return db().llmBatch.findUniqueOrThrow({ where: { id: row.id } });
}

/** Local servers (Ollama, llama.cpp, most vLLM setups) have no Files/Batch API: say so instead of a bare 404. */
function explainMissingBatchApi(e: unknown): never {
  if (e instanceof OpenAI.APIError && (e.status === 404 || e.status === 405)) {
    throw new Error(`this endpoint has no Batch API (HTTP ${e.status}: ${e.message.replace(/^\d{3}\s*/, "").slice(0, 200)}); run the campaign in live mode instead`);
  }
  throw e;
}
