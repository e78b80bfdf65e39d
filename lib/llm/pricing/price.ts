/** One row of the price table, USD per 1M tokens. */
export type ModelPriceView = { model: string; inputPerMTok: number; outputPerMTok: number; batchFactor: number; updatedAt: string };

export function toPriceView(row: { model: string; inputPerMTok: number; outputPerMTok: number; batchFactor: number; updatedAt: Date }): ModelPriceView {
  return { model: row.model, inputPerMTok: row.inputPerMTok, outputPerMTok: row.outputPerMTok, batchFactor: row.batchFactor, updatedAt: row.updatedAt.toISOString() };
}
