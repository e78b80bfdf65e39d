import { z } from "zod";

export const CAMPAIGN_MODES = ["live", "batch"] as const;
export const ZCampaignMode = z.enum(CAMPAIGN_MODES);
export type CampaignMode = z.infer<typeof ZCampaignMode>;

/** Largest random seed; it is inlined into SQL, so it must stay a small positive integer. */
export const MAX_SEED = 2 ** 31 - 1;

/**
 * Which snippets of a dataset a campaign labels. Snippets that already have a label for the campaign's
 * (model, prompt version) are always left out, whatever the scope: re-running never pays twice.
 */
export const ZCampaignFilter = z.object({
  /** unlabeled: no LLM label at all; all: also snippets labeled by other models or prompt versions. */
  scope: z.enum(["unlabeled", "all"]).default("unlabeled"),
  language: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  limit: z.number().int().min(1, "limit must be at least 1").max(10_000_000).optional(),
  /** first: lowest ids first; random: a uniform sample, reproducible from `seed`. */
  sample: z.enum(["first", "random"]).default("first"),
  seed: z.number().int().min(1).max(MAX_SEED).optional(),
});
export type TCampaignFilter = z.input<typeof ZCampaignFilter>;
export type CampaignFilter = z.output<typeof ZCampaignFilter>;

/** The filter as stored on a campaign: a random sample always carries its seed. */
export function withSeed(filter: CampaignFilter): CampaignFilter {
  if (filter.sample !== "random" || filter.seed !== undefined) return filter;
  return { ...filter, seed: 1 + Math.floor(Math.random() * (MAX_SEED - 1)) };
}

export function parseStoredFilter(json: string): CampaignFilter {
  return ZCampaignFilter.parse(JSON.parse(json));
}
