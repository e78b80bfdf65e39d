import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { getLlmConfig } from "@/lib/llm/config";
import { EXERCISE_TASK, TEXTBOOK_TASK } from "@/lib/llm/prompts/default-prompts";
import { getDefaultPrompt } from "@/lib/llm/prompts/get-default-prompt";
import { getPromptVersion } from "@/lib/llm/prompts/get-prompt-version";
import type { LlmConfig, PromptVersion } from "@/lib/llm/types";
import type { GenerationCampaignInput } from "./campaign-input";
import { isSyntheticDatasetKind } from "./synthetic-dataset-kind";

export type GenerationSettings = {
  /** The existing dataset, or null when `datasetName` names a dataset to create. */
  dataset: { id: number; name: string; kind: string } | null;
  datasetName: string;
  model: string;
  prompts: { textbook: PromptVersion | null; exercise: PromptVersion | null };
  config: LlmConfig;
};

/**
 * The dataset, model and prompt versions a generation campaign (or its estimate) uses: the model defaults to
 * the generation model from Settings/env, each kind's prompt to its task's default version. Unknown dataset
 * ids and prompt versions are 404s; a code dataset is a 400 (synthetic items go to textbook/exercise datasets).
 */
export async function resolveGenerationSettings(v: Pick<GenerationCampaignInput, "datasetId" | "datasetName" | "kind" | "model" | "textbookPromptVersion" | "exercisePromptVersion">): Promise<GenerationSettings> {
  const dataset =
    v.datasetId !== undefined
      ? await db().dataset.findUnique({ where: { id: v.datasetId }, select: { id: true, name: true, kind: true } })
      : await db().dataset.findUnique({ where: { name: v.datasetName! }, select: { id: true, name: true, kind: true } });
  if (v.datasetId !== undefined && !dataset) throw notFound(`no dataset with id ${v.datasetId}`);
  if (dataset && !isSyntheticDatasetKind(dataset.kind)) {
    throw badRequest(`dataset "${dataset.name}" is a ${dataset.kind} dataset; generated items go into a textbook or exercise dataset (pick one, or name a new one)`);
  }
  const config = await getLlmConfig();
  const wants = { textbook: v.kind !== "exercise", exercise: v.kind !== "textbook" };
  const pick = async (task: string, version: string | undefined) => (version ? getPromptVersion({ task, version }) : getDefaultPrompt(task));
  const [textbook, exercise] = await Promise.all([
    wants.textbook ? pick(TEXTBOOK_TASK, v.textbookPromptVersion) : null,
    wants.exercise ? pick(EXERCISE_TASK, v.exercisePromptVersion) : null,
  ]);
  return { dataset, datasetName: dataset?.name ?? v.datasetName!, model: v.model ?? config.models.generate, prompts: { textbook, exercise }, config };
}
