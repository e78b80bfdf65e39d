import { db } from "@/lib/db/client";
import { HttpError, notFound } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { getLlmConfig, isLlmConfigured } from "@/lib/llm/config";
import { ZEmbedSnippets, type TEmbedSnippets } from "./embed-snippets";

export const ZCreateEmbeddingRun = ZEmbedSnippets;
export type TCreateEmbeddingRun = TEmbedSnippets;

export const EMBED_JOB = "classifier.embed";

/**
 * Queues a `classifier.embed` job for a dataset. There is no run table: the job's payload is the run, its
 * progress and log are the job's, and the cache (`snippet_embedding`) is the result. The model is fixed
 * here (the configured default when not given) so a settings change does not alter a queued run.
 * 404 for an unknown dataset, 409 when no LLM endpoint is configured.
 */
export async function createEmbeddingRun(input: TCreateEmbeddingRun, registry: JobRegistry): Promise<{ jobId: number; model: string }> {
  const { datasetId, model: requested } = ZCreateEmbeddingRun.parse(input);
  const dataset = await db().dataset.findUnique({ where: { id: datasetId }, select: { id: true } });
  if (!dataset) throw notFound("dataset not found");
  const cfg = await getLlmConfig();
  if (!isLlmConfigured(cfg)) throw new HttpError(409, "no LLM endpoint is configured: set one on the Settings page (or OPENAI_API_KEY / OPENAI_BASE_URL)");
  const model = requested ?? cfg.models.embed;
  const job = await db().$transaction((tx) => enqueueJob(tx, { name: EMBED_JOB, payload: { datasetId, model } }, registry));
  return { jobId: job.id, model };
}
