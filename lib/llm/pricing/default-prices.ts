/**
 * List prices in USD per 1M tokens, written to `model_price` once and editable on the Settings page (prices
 * change; the table is a starting point, not a source of truth). OpenAI's Batch API bills half.
 */
export const DEFAULT_PRICES = [
  { model: "gpt-4o-mini", inputPerMTok: 0.15, outputPerMTok: 0.6, batchFactor: 0.5 },
  { model: "gpt-4o", inputPerMTok: 2.5, outputPerMTok: 10, batchFactor: 0.5 },
  { model: "gpt-4.1", inputPerMTok: 2, outputPerMTok: 8, batchFactor: 0.5 },
  { model: "gpt-4.1-mini", inputPerMTok: 0.4, outputPerMTok: 1.6, batchFactor: 0.5 },
  { model: "gpt-4.1-nano", inputPerMTok: 0.1, outputPerMTok: 0.4, batchFactor: 0.5 },
  { model: "o4-mini", inputPerMTok: 1.1, outputPerMTok: 4.4, batchFactor: 0.5 },
  { model: "text-embedding-3-small", inputPerMTok: 0.02, outputPerMTok: 0, batchFactor: 0.5 },
] as const;
