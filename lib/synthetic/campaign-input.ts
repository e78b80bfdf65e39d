import { z } from "zod";
import { FUNCTION_NAME } from "./generate-function-names";
import { CAMPAIGN_KINDS, FUNCTION_NAME_MODES, PLAN_STRATEGIES } from "./types";

/** Limits of a generation campaign, shared by the API, the form hints and the CLI. */
export const GENERATION_LIMITS = {
  maxCount: 50_000,
  maxListEntries: 1_000,
  maxFunctionNames: 50_000,
  maxEntryChars: 200,
  maxConcurrency: 64,
  defaultConcurrency: 4,
  defaultTemperature: 0.8,
  defaultMaxTokens: 1500,
  maxSeed: 2 ** 31 - 1,
} as const;

const entry = z.string().trim().min(1).max(GENERATION_LIMITS.maxEntryChars, `an entry has at most ${GENERATION_LIMITS.maxEntryChars} characters`);

/** Trimmed, empty lines dropped, duplicates removed (first occurrence kept). */
const list = (max: number, what: string) =>
  z
    .array(z.string())
    .max(max, `${what}: at most ${max.toLocaleString("en-US")} entries`)
    .transform((l) => [...new Set(l.map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(entry));

const modelName = z.string().trim().min(1).max(200).regex(/^\S+$/, "a model name has no spaces");
const versionName = z.string().trim().min(1).max(100);

/**
 * A generation campaign as the form, the API and tests describe it. The dataset is an existing synthetic
 * dataset (`datasetId`) or a name (`datasetName`: an existing textbook/exercise dataset, or a new one).
 * Function names come from `functionNames` (mode "list") or from the seeded generator (mode "generated").
 */
export const ZGenerationCampaignInput = z
  .object({
    name: z.string().trim().max(200).optional(),
    datasetId: z.coerce.number().int().positive().optional(),
    datasetName: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[\w.\- ]+$/, "dataset names use letters, digits, space, . _ -")
      .optional(),
    kind: z.enum(CAMPAIGN_KINDS).default("textbook"),
    topics: list(GENERATION_LIMITS.maxListEntries, "topics").pipe(z.array(z.string()).min(1, "give at least one topic")),
    audiences: list(GENERATION_LIMITS.maxListEntries, "audiences").default([]),
    functionNames: list(GENERATION_LIMITS.maxFunctionNames, "function names").pipe(z.array(z.string().regex(FUNCTION_NAME, "function names are Python identifiers in snake_case (a-z, 0-9, _)"))).default([]),
    functionNameMode: z.enum(FUNCTION_NAME_MODES).default("generated"),
    /** Default: the task's default version (Prompts page). */
    textbookPromptVersion: versionName.optional(),
    exercisePromptVersion: versionName.optional(),
    /** Default: the generation model from Settings. */
    model: modelName.optional(),
    temperature: z.number().min(0, "temperature: 0–2").max(2, "temperature: 0–2").default(GENERATION_LIMITS.defaultTemperature),
    maxTokens: z.number().int().min(64, "max tokens: 64–32,000").max(32_000, "max tokens: 64–32,000").default(GENERATION_LIMITS.defaultMaxTokens),
    count: z.number().int().min(1, "count: at least 1").max(GENERATION_LIMITS.maxCount, `count: at most ${GENERATION_LIMITS.maxCount.toLocaleString("en-US")}`),
    concurrency: z.number().int().min(1, "concurrency must be 1–64").max(GENERATION_LIMITS.maxConcurrency, "concurrency must be 1–64").default(GENERATION_LIMITS.defaultConcurrency),
    plan: z
      .object({
        strategy: z.enum(PLAN_STRATEGIES).default("balanced"),
        seed: z.number().int().min(1).max(GENERATION_LIMITS.maxSeed).optional(),
        /** Share of exercises in a mixed campaign. */
        exerciseShare: z.number().min(0).max(1).default(0.5),
      })
      .prefault({}),
  })
  .superRefine((v, ctx) => {
    if ((v.datasetId === undefined) === (v.datasetName === undefined)) ctx.addIssue({ code: "custom", path: ["datasetId"], message: "choose a dataset: datasetId of an existing synthetic dataset, or datasetName (created when missing)" });
    if (v.kind !== "textbook" && v.functionNameMode === "list" && v.functionNames.length === 0) {
      ctx.addIssue({ code: "custom", path: ["functionNames"], message: 'exercises need function names: list some, or use functionNameMode "generated"' });
    }
  });
export type TGenerationCampaignInput = z.input<typeof ZGenerationCampaignInput>;
export type GenerationCampaignInput = z.output<typeof ZGenerationCampaignInput>;

/** A seed for a plan that has none: random, then stored with the campaign so the plan is reproducible. */
export function pickSeed(seed: number | undefined): number {
  return seed ?? 1 + Math.floor(Math.random() * (GENERATION_LIMITS.maxSeed - 1));
}
