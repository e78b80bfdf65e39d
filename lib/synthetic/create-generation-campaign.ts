import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { badRequest, HttpError } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { isLlmConfigured } from "@/lib/llm/config";
import { pickSeed, ZGenerationCampaignInput } from "./campaign-input";
import { estimatePlan } from "./estimate-generation";
import { planGeneration } from "./plan-generation";
import { resolveGenerationSettings } from "./resolve-generation-settings";
import { datasetKindFor } from "./synthetic-dataset-kind";
import type { GenerationEstimate, GenerationPlan, PlannedItem } from "./types";

export const ZCreateGenerationCampaign = ZGenerationCampaignInput;
export type TCreateGenerationCampaign = z.input<typeof ZCreateGenerationCampaign>;

export const GENERATION_JOB = "synthetic.generate";

// Planned items per INSERT: well under both databases' bound-parameter limits.
const INSERT_CHUNK = 1000;

/**
 * Starts a generation campaign: checks the dataset, the LLM endpoint and the prompt versions, fixes the seed,
 * plans every item (the constraints it will be generated under) and estimates the cost; then, in one
 * transaction, creates the dataset when it is new, the campaign, its GenerationItems (materialized here, once:
 * reruns and restarted workers resume exactly these) and its `synthetic.generate` job. 409 when no LLM is
 * configured.
 */
export async function createGenerationCampaign(input: TCreateGenerationCampaign & { createdById?: string }, registry: JobRegistry): Promise<{ id: number; jobId: number; datasetId: number; estimate: GenerationEstimate }> {
  const v = ZCreateGenerationCampaign.parse(input);
  const settings = await resolveGenerationSettings(v);
  if (!isLlmConfigured(settings.config)) throw new HttpError(409, "no LLM endpoint is configured: set one on the Settings page (or OPENAI_API_KEY / OPENAI_BASE_URL); importing JSONL into a campaign works without one");
  const seed = pickSeed(v.plan.seed);
  const items = planGeneration({ ...v, strategy: v.plan.strategy, seed, exerciseShare: v.plan.exerciseShare });
  const estimate = await estimatePlan(v, settings, items);
  const plan: GenerationPlan = { strategy: v.plan.strategy, seed, ...(v.kind === "mixed" ? { exerciseShare: v.plan.exerciseShare } : {}) };

  return db().$transaction(
    async (tx) => {
      const dataset = settings.dataset ?? (await createDataset(tx, settings.datasetName, datasetKindFor(v.kind)));
      const campaign = await tx.generationCampaign.create({
        data: {
          name: v.name || defaultName(v.kind, items.length, settings.model),
          datasetId: dataset.id,
          source: "llm",
          kind: v.kind,
          topics: JSON.stringify(v.topics),
          audiences: JSON.stringify(v.audiences),
          functionNames: JSON.stringify(v.functionNameMode === "list" ? v.functionNames : []),
          functionNameMode: v.functionNameMode,
          plan: JSON.stringify(plan),
          textbookPromptId: settings.prompts.textbook?.id ?? null,
          exercisePromptId: settings.prompts.exercise?.id ?? null,
          model: settings.model,
          temperature: v.temperature,
          maxTokens: v.maxTokens,
          count: items.length,
          concurrency: v.concurrency,
          createdById: input.createdById,
          estInputTokens: BigInt(estimate.inputTokens),
          estOutputTokens: BigInt(estimate.outputTokens),
          estCostUsd: estimate.costUsd,
          total: items.length,
        },
      });
      await insertPlannedItems(tx, campaign.id, items);
      const job = await enqueueJob(tx, { name: GENERATION_JOB, payload: { campaignId: campaign.id } }, registry);
      await tx.generationCampaign.update({ where: { id: campaign.id }, data: { jobId: job.id } });
      return { id: campaign.id, jobId: job.id, datasetId: dataset.id, estimate };
    },
    // 50,000 planned items are a few seconds of inserts; other writers wait rather than fail.
    { maxWait: 30_000, timeout: 300_000 },
  );
}

async function createDataset(tx: Tx, name: string, kind: "textbook" | "exercise") {
  const existing = await tx.dataset.findUnique({ where: { name } });
  if (existing) {
    if (existing.kind === "code") throw badRequest(`dataset "${name}" is a code dataset; generated items go into a textbook or exercise dataset`);
    return existing;
  }
  return tx.dataset.create({ data: { name, kind, description: "Synthetic textbook sections and exercises." } });
}

async function insertPlannedItems(tx: Tx, campaignId: number, items: readonly PlannedItem[]) {
  for (let i = 0; i < items.length; i += INSERT_CHUNK) {
    await tx.generationItem.createMany({
      data: items.slice(i, i + INSERT_CHUNK).map((p) => ({ campaignId, position: p.position, kind: p.kind, topic: p.topic, audience: p.audience, functionName: p.functionName })),
    });
  }
}

function defaultName(kind: string, count: number, model: string): string {
  const what = kind === "mixed" ? "textbooks + exercises" : kind === "textbook" ? "textbook sections" : "exercises";
  return `${count.toLocaleString("en-US")} ${what} · ${model}`;
}
