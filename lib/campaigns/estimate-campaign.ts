import { Prisma } from "@syllabus/prisma-sqlite";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { countChatTokens } from "@/lib/llm/count-tokens";
import { costOf } from "@/lib/llm/pricing/cost-of";
import { getPrice } from "@/lib/llm/pricing/get-price";
import { renderPrompt } from "@/lib/llm/prompts/render-prompt";
import type { PromptVersion } from "@/lib/llm/types";
import { withSeed, ZCampaignFilter, ZCampaignMode } from "./campaign-filter";
import { CAMPAIGN_DEFAULTS } from "./defaults";
import { resolveCampaignSettings } from "./resolve-campaign-settings";
import { alreadyLabeledSql, randomRankSql, selectionSql, type SelectionInput } from "./selection-sql";
import type { CampaignEstimate } from "./types";

const modelName = z.string().trim().min(1).max(200).regex(/^\S+$/, "a model name has no spaces");

export const ZEstimateCampaign = z.object({
  datasetId: z.coerce.number().int().positive(),
  filter: ZCampaignFilter.prefault({}),
  /** Default: the labeling model from Settings. */
  model: modelName.optional(),
  /** Default: the default prompt version. */
  promptVersion: z.string().trim().min(1).max(100).optional(),
  mode: ZCampaignMode.default("live"),
  concurrency: z.number().int().min(1, "concurrency must be 1–64").max(CAMPAIGN_DEFAULTS.maxConcurrency, "concurrency must be 1–64").default(CAMPAIGN_DEFAULTS.concurrency),
});
export type TEstimateCampaign = z.input<typeof ZEstimateCampaign>;

// A fixed seed, so the token sample (and so the estimate) is the same each time it is asked for.
const SAMPLE_SEED = 7919;
const n = (v: unknown) => Number(v ?? 0);

/**
 * What a campaign would cost before it starts: how many snippets it selects, input tokens counted with
 * the real tokenizer on the rendered prompts (all of them up to 2,000 snippets, else a uniform sample,
 * extrapolated), expected output tokens and latency from this prompt's and model's history (or defaults),
 * cost from the price table (Batch API discount in batch mode).
 */
export async function estimateCampaign(input: TEstimateCampaign): Promise<CampaignEstimate> {
  const v = ZEstimateCampaign.parse(input);
  const settings = await resolveCampaignSettings(v);
  const selection: SelectionInput = { datasetId: v.datasetId, filter: withSeed(v.filter), model: settings.model, promptVersion: settings.prompt.version };
  const [count, alreadyLabeled] = await Promise.all([countSelection(selection), db().$queryRaw<{ n: unknown }[]>(alreadyLabeledSql(selection)).then((r) => n(r[0]?.n))]);
  const sample = await sampleInputTokens(selection, settings.prompt, count);
  const inputTokens = sample.size ? Math.round((sample.tokens * count) / sample.size) : 0;
  const [output, latency, price] = await Promise.all([outputTokensPerItem(settings.prompt.version), latencyPerItem(settings.model), getPrice(settings.model)]);
  const outputTokens = Math.round(output.perItem * count);
  const batch = v.mode === "batch";
  return {
    count,
    alreadyLabeled,
    inputTokens,
    outputTokens,
    sampled: sample.size < count,
    sampleSize: sample.size,
    outputTokensPerItem: output.perItem,
    outputTokensSource: output.source,
    costUsd: costOf(price, { inputTokens, outputTokens }, { batch }),
    priceKnown: price !== null,
    batchPricing: batch,
    seconds: batch ? null : (count * latency.ms) / 1000 / v.concurrency,
    latencyMs: latency.ms,
    latencySource: latency.source,
    model: settings.model,
    promptVersion: settings.prompt.version,
    mode: v.mode,
    concurrency: v.concurrency,
  };
}

async function countSelection(selection: SelectionInput): Promise<number> {
  const { where } = selectionSql(selection);
  const rows = await db().$queryRaw<{ n: unknown }[]>(Prisma.sql`SELECT COUNT(*) AS n FROM snippet s WHERE ${where}`);
  const all = n(rows[0]?.n);
  return selection.filter.limit ? Math.min(all, selection.filter.limit) : all;
}

/** Tokens of the rendered prompts of the selection (or of a uniform sample of it). */
async function sampleInputTokens(selection: SelectionInput, prompt: PromptVersion, count: number): Promise<{ tokens: number; size: number }> {
  if (count === 0) return { tokens: 0, size: 0 };
  const { where, order, limit } = selectionSql(selection);
  // The prompt keeps at most maxCodeChars of the code; one more character lets it see the cut.
  const columns = Prisma.sql`s.id, substr(s.content, 1, ${Prisma.raw(String(Math.trunc(prompt.maxCodeChars) + 1))}) AS content, s.language, s.path`;
  const cap = CAMPAIGN_DEFAULTS.exactTokenLimit;
  const rows =
    count <= cap
      ? await db().$queryRaw<SampleRow[]>(Prisma.sql`SELECT ${columns} FROM snippet s WHERE ${where} ORDER BY ${order} ${limit}`)
      : await db().$queryRaw<SampleRow[]>(Prisma.sql`
          SELECT ${columns} FROM snippet s WHERE s.id IN (
            SELECT sel.id FROM (SELECT s.id FROM snippet s WHERE ${where} ORDER BY ${order} ${limit}) sel
            ORDER BY ${randomRankSql(Prisma.sql`sel.id`, SAMPLE_SEED)}, sel.id LIMIT ${Prisma.raw(String(cap))})`);
  let tokens = 0;
  for (const r of rows) {
    const { system, user } = renderPrompt(prompt, { content: r.content, language: r.language, path: r.path });
    tokens += countChatTokens([
      { role: "system", content: system },
      { role: "user", content: user },
    ]);
  }
  return { tokens, size: rows.length };
}

/** Mean output tokens per finished item of earlier campaigns with this prompt version (retried replies included). */
async function outputTokensPerItem(promptVersion: string): Promise<{ perItem: number; source: "history" | "default" }> {
  const rows = await db().$queryRaw<{ tokens: unknown; items: unknown }[]>(Prisma.sql`
    SELECT SUM("outputTokens") AS tokens, SUM(labeled + failed + skipped) AS items FROM label_campaign WHERE "promptVersion" = ${promptVersion}`);
  const items = n(rows[0]?.items);
  if (items < 20) return { perItem: CAMPAIGN_DEFAULTS.outputTokensPerItem, source: "default" };
  return { perItem: Math.round(n(rows[0]?.tokens) / items), source: "history" };
}

/** Mean time per item (retries included) over the latest live campaigns with this model. */
async function latencyPerItem(model: string): Promise<{ ms: number; source: "history" | "default" }> {
  const rows = await db().$queryRaw<{ ms: unknown; items: unknown }[]>(Prisma.sql`
    SELECT AVG(ci."latencyMs") AS ms, COUNT(*) AS items FROM campaign_item ci
    WHERE ci."campaignId" IN (SELECT c.id FROM label_campaign c WHERE c.model = ${model} AND c.mode = 'live' ORDER BY c.id DESC LIMIT 3)
      AND ci."latencyMs" IS NOT NULL`);
  if (n(rows[0]?.items) < 20) return { ms: CAMPAIGN_DEFAULTS.latencyMs, source: "default" };
  return { ms: Math.round(n(rows[0]?.ms)), source: "history" };
}

type SampleRow = { id: number | bigint; content: string; language: string; path: string | null };
