import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { seedDefaultPrices } from "./seed-default-prices";

export async function deletePrice({ model }: { model: string }) {
  await seedDefaultPrices();
  const { count } = await db().modelPrice.deleteMany({ where: { model } });
  if (count === 0) throw notFound(`no price for model "${model}"`);
  return { model };
}
