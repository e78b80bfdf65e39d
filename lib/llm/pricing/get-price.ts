import { db } from "@/lib/db/client";
import { toPriceView, type ModelPriceView } from "./price";
import { seedDefaultPrices } from "./seed-default-prices";

// A dated snapshot ("gpt-4o-mini-2024-07-18") is billed like its alias unless it has a row of its own.
const DATED = /-\d{4}-\d{2}-\d{2}$/;

/** The price of a model, or null when the table does not know it (costs then count as 0, flagged). */
export async function getPrice(model: string): Promise<ModelPriceView | null> {
  await seedDefaultPrices();
  const exact = await db().modelPrice.findUnique({ where: { model } });
  if (exact) return toPriceView(exact);
  if (!DATED.test(model)) return null;
  const alias = await db().modelPrice.findUnique({ where: { model: model.replace(DATED, "") } });
  return alias ? toPriceView(alias) : null;
}
