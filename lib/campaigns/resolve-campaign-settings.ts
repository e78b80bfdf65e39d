import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { getLlmConfig } from "@/lib/llm/config";
import { getDefaultPrompt } from "@/lib/llm/prompts/get-default-prompt";
import { EDU_SCORE_TASK } from "@/lib/llm/prompts/default-prompts";
import { getPromptVersion } from "@/lib/llm/prompts/get-prompt-version";
import type { LlmConfig, PromptVersion } from "@/lib/llm/types";

export type CampaignSettings = { dataset: { id: number; name: string }; model: string; prompt: PromptVersion; config: LlmConfig };

/**
 * The dataset, model and prompt version a campaign (or its estimate) uses: the model defaults to the
 * labeling model from Settings/env, the prompt to the task's default version. Unknown ones are 404s.
 */
export async function resolveCampaignSettings(input: { datasetId: number; model?: string; promptVersion?: string }): Promise<CampaignSettings> {
  const dataset = await db().dataset.findUnique({ where: { id: input.datasetId }, select: { id: true, name: true } });
  if (!dataset) throw notFound(`no dataset with id ${input.datasetId}`);
  const config = await getLlmConfig();
  const prompt = input.promptVersion ? await getPromptVersion({ task: EDU_SCORE_TASK, version: input.promptVersion }) : await getDefaultPrompt(EDU_SCORE_TASK);
  return { dataset, model: input.model ?? config.models.label, prompt, config };
}
