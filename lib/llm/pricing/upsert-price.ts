import { z } from "zod";
import { db } from "@/lib/db/client";
import { toPriceView } from "./price";
import { seedDefaultPrices } from "./seed-default-prices";

const usdPerMTok = z.number({ error: "must be a number (USD per 1M tokens)" }).min(0, "cannot be negative").max(100_000);

export const ZUpsertPrice = z.object({
  model: z.string().trim().min(1, "model is required").max(200).regex(/^\S+$/, "model: no spaces"),
  inputPerMTok: usdPerMTok,
  outputPerMTok: usdPerMTok,
  batchFactor: z.number().min(0, "batch factor: 0 to 1").max(1, "batch factor: 0 to 1").default(0.5),
});
export type TUpsertPrice = z.input<typeof ZUpsertPrice>;

/** Adds or changes one model's price. */
export async function upsertPrice(input: TUpsertPrice) {
  const { model, ...price } = ZUpsertPrice.parse(input);
  // Seed first, or the first read afterwards would find the marker missing and the defaults absent.
  await seedDefaultPrices();
  const row = await db().modelPrice.upsert({ where: { model }, create: { model, ...price }, update: price });
  return toPriceView(row);
}
