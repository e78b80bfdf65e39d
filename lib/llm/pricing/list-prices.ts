import { db } from "@/lib/db/client";
import { toPriceView, type ModelPriceView } from "./price";
import { seedDefaultPrices } from "./seed-default-prices";

export async function listPrices(): Promise<ModelPriceView[]> {
  await seedDefaultPrices();
  const rows = await db().modelPrice.findMany({ orderBy: { model: "asc" } });
  return rows.map(toPriceView);
}
