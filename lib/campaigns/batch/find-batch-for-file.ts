import type OpenAI from "openai";
import type { Batch } from "openai/resources/batches";

/**
 * The batch already created from `inputFileId`, if any. Lists newest first and stops at batches created
 * before `sinceSeconds` (the chunk's own creation, minus clock skew), so a busy account is not scanned whole.
 */
export async function findBatchForFile({ client, inputFileId, sinceSeconds, signal }: { client: OpenAI; inputFileId: string; sinceSeconds: number; signal?: AbortSignal }): Promise<Batch | null> {
  for await (const batch of client.batches.list({ limit: 100 }, { signal })) {
    if (batch.input_file_id === inputFileId) return batch;
    if (batch.created_at < sinceSeconds) return null;
  }
  return null;
}
