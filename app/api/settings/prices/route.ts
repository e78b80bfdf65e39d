/**
 * The price table, USD per 1M tokens, used for cost estimates and campaign spend.
 * GET    /api/settings/prices (role: viewer) → 200 { prices: [{ model, inputPerMTok, outputPerMTok, batchFactor, updatedAt }] }
 * PUT    /api/settings/prices (role: admin) body { model, inputPerMTok, outputPerMTok, batchFactor? } → 200 { price } · 400
 * DELETE /api/settings/prices?model=<name> (role: admin) → 200 { deleted: { model } } · 404
 */
import { z } from "zod";
import { deletePrice } from "@/lib/llm/pricing/delete-price";
import { listPrices } from "@/lib/llm/pricing/list-prices";
import { upsertPrice, ZUpsertPrice } from "@/lib/llm/pricing/upsert-price";
import { route } from "@/lib/http/route";

export const GET = route({}, async () => ({ prices: await listPrices() }));

export const PUT = route({ role: "admin", body: ZUpsertPrice }, async ({ body }) => ({ price: await upsertPrice(body) }));

export const DELETE = route({ role: "admin", query: z.object({ model: z.string().min(1, "model is required") }) }, async ({ query }) => ({
  deleted: await deletePrice({ model: query.model }),
}));
