import { db } from "@/lib/db/client";
import { isUniqueViolation } from "../is-unique-violation";
import { PRICES_SEEDED_KEY } from "../setting-keys";
import { DEFAULT_PRICES } from "./default-prices";

/**
 * Writes the default price table the first time prices are read. A marker setting records that it ran,
 * so a price an admin deleted is not brought back. Of concurrent first reads one transaction wins; the
 * others hit a unique violation, which is only reported once the winner committed.
 */
export async function seedDefaultPrices(): Promise<void> {
  if (await db().setting.findUnique({ where: { key: PRICES_SEEDED_KEY }, select: { key: true } })) return;
  try {
    await db().$transaction(async (tx) => {
      for (const p of DEFAULT_PRICES) await tx.modelPrice.upsert({ where: { model: p.model }, create: { ...p }, update: {} });
      await tx.setting.create({ data: { key: PRICES_SEEDED_KEY, value: "1" } });
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
}
