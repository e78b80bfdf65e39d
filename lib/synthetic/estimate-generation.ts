import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import { countChatTokens } from "@/lib/llm/count-tokens";
import { costOf } from "@/lib/llm/pricing/cost-of";
import { getPrice } from "@/lib/llm/pricing/get-price";
import { renderGenerationPrompt } from "@/lib/llm/prompts/render-generation-prompt";
import type { PromptVersion } from "@/lib/llm/types";
import { ZGenerationCampaignInput, type GenerationCampaignInput, type TGenerationCampaignInput } from "./campaign-input";
import type { SyntheticKind } from "./compose-content";
import { GENERATION_DEFAULTS } from "./generation-defaults";
import { gridCells, planGeneration } from "./plan-generation";
import { resolveGenerationSettings, type GenerationSettings } from "./resolve-generation-settings";
import type { GenerationEstimate, PlannedItem } from "./types";

// The estimate of a campaign without a seed: tokens hardly depend on it, and the same input gives the same figures.
const ESTIMATE_SEED = 1;
const n = (v: unknown) => Number(v ?? 0);

/**
 * What a generation campaign would cost before it starts, spending nothing: the plan (items by kind, grid
 * cells used), input tokens counted with the o200k tokenizer on the rendered prompts (every planned item up
 * to 2,000, else the first 2,000 — a balanced plan's prefix covers the grid evenly — extrapolated), output
 * tokens per kind from this prompt version's history or the documented defaults (capped at max tokens), cost
 * from the price table, time from latency history (or defaults) at the chosen concurrency.
 */
export async function estimateGeneration(input: TGenerationCampaignInput, resolved?: GenerationSettings): Promise<GenerationEstimate> {
  const v = ZGenerationCampaignInput.parse(input);
  const settings = resolved ?? (await resolveGenerationSettings(v));
  const plan = planGeneration({ ...v, strategy: v.plan.strategy, seed: v.plan.seed ?? ESTIMATE_SEED, exerciseShare: v.plan.exerciseShare });
  return estimatePlan(v, settings, plan);
}

export async function estimatePlan(v: GenerationCampaignInput, settings: GenerationSettings, plan: PlannedItem[]): Promise<GenerationEstimate> {
  const exercises = plan.filter((p) => p.kind === "exercise").length;
  const textbooks = plan.length - exercises;
  const perKindCells = gridCells(v.topics, v.audiences).length;
  const cellsUsed = new Set(plan.map((p) => `${p.kind}\u0000${p.topic}\u0000${p.audience ?? ""}`)).size;
  const kinds = (textbooks ? 1 : 0) + (exercises ? 1 : 0);

  const sample = plan.slice(0, GENERATION_DEFAULTS.exactTokenLimit);
  let sampleTokens = 0;
  for (const item of sample) {
    const prompt = settings.prompts[item.kind];
    if (!prompt) continue;
    const { system, user } = renderGenerationPrompt(prompt, item);
    sampleTokens += countChatTokens([
      { role: "system", content: system },
      { role: "user", content: user },
    ]);
  }
  const inputTokens = sample.length ? Math.round((sampleTokens * plan.length) / sample.length) : 0;
  const [output, latency, price] = await Promise.all([outputHistory(settings.prompts), latencyHistory(settings.model), getPrice(settings.model)]);
  const perItem = { textbook: Math.min(v.maxTokens, output.perItem.textbook), exercise: Math.min(v.maxTokens, output.perItem.exercise) };
  const outputTokens = textbooks * perItem.textbook + exercises * perItem.exercise;
  const totalLatency = textbooks * latency.ms.textbook + exercises * latency.ms.exercise;
  return {
    count: plan.length,
    textbooks,
    exercises,
    cells: perKindCells * kinds,
    cellsUsed,
    inputTokens,
    outputTokens,
    sampled: sample.length < plan.length,
    sampleSize: sample.length,
    outputTokensPerItem: perItem,
    outputTokensSource: output.source,
    costUsd: costOf(price, { inputTokens, outputTokens }),
    priceKnown: price !== null,
    seconds: totalLatency / 1000 / v.concurrency,
    latencyMs: latency.ms,
    latencySource: latency.source,
    model: settings.model,
    promptVersions: { textbook: settings.prompts.textbook?.version ?? null, exercise: settings.prompts.exercise?.version ?? null },
    concurrency: v.concurrency,
    preview: plan.slice(0, 6),
    functionNames: [...new Set(plan.filter((p) => p.functionName).map((p) => p.functionName!))].slice(0, 12),
  };
}

/** Mean output tokens per generated item of each kind with these prompt versions (≥ 20 items), else the defaults. */
async function outputHistory(prompts: GenerationSettings["prompts"]): Promise<{ perItem: Record<SyntheticKind, number>; source: "history" | "default" }> {
  const perItem: Record<SyntheticKind, number> = { ...GENERATION_DEFAULTS.outputTokensPerItem };
  let fromHistory = false;
  for (const kind of ["textbook", "exercise"] as const) {
    const prompt: PromptVersion | null = prompts[kind];
    if (!prompt) continue;
    const column = kind === "textbook" ? Prisma.sql`c."textbookPromptId"` : Prisma.sql`c."exercisePromptId"`;
    const rows = await db().$queryRaw<{ tokens: unknown; items: unknown }[]>(Prisma.sql`
      SELECT SUM(gi."outputTokens") AS tokens, COUNT(*) AS items FROM generation_item gi JOIN generation_campaign c ON c.id = gi."campaignId"
      WHERE ${column} = ${prompt.id} AND gi.kind = ${kind} AND gi.status = 'generated' AND gi."outputTokens" IS NOT NULL`);
    if (n(rows[0]?.items) >= GENERATION_DEFAULTS.minHistory) {
      perItem[kind] = Math.round(n(rows[0]?.tokens) / n(rows[0]?.items));
      fromHistory = true;
    }
  }
  return { perItem, source: fromHistory ? "history" : "default" };
}

/** Mean time per item of each kind (retries included) over the latest campaigns with this model. */
async function latencyHistory(model: string): Promise<{ ms: Record<SyntheticKind, number>; source: "history" | "default" }> {
  const rows = await db().$queryRaw<{ kind: string; ms: unknown; items: unknown }[]>(Prisma.sql`
    SELECT gi.kind, AVG(gi."latencyMs") AS ms, COUNT(*) AS items FROM generation_item gi
    WHERE gi."campaignId" IN (SELECT c.id FROM generation_campaign c WHERE c.model = ${model} AND c.source = 'llm' ORDER BY c.id DESC LIMIT 3)
      AND gi."latencyMs" IS NOT NULL
    GROUP BY gi.kind`);
  const ms: Record<SyntheticKind, number> = { ...GENERATION_DEFAULTS.latencyMs };
  let fromHistory = false;
  for (const r of rows) {
    if ((r.kind === "textbook" || r.kind === "exercise") && n(r.items) >= GENERATION_DEFAULTS.minHistory) {
      ms[r.kind] = Math.round(n(r.ms));
      fromHistory = true;
    }
  }
  return { ms, source: fromHistory ? "history" : "default" };
}
