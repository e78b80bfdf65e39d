import type { Usage } from "../types";

type Price = { inputPerMTok: number; outputPerMTok: number; batchFactor: number };

/** USD for `usage` at `price`; 0 when the price is unknown (callers show "price unknown"). */
export function costOf(price: Price | null, usage: Usage, { batch = false }: { batch?: boolean } = {}): number {
  if (!price) return 0;
  const full = (usage.inputTokens * price.inputPerMTok + usage.outputTokens * price.outputPerMTok) / 1_000_000;
  return batch ? full * price.batchFactor : full;
}
