/**
 * GET /api/synthetic/campaigns/:id/items?status=pending|generated|failed&limit=50&after=<item id>
 *   → { items: GenerationItemView[], nextAfter, counts: { pending, generated, failed } }  (viewer)
 *   Planned items in plan order with constraints, status, failure reason and raw reply, tokens, cost, snippet.
 */
import { listGenerationItems, ZListGenerationItems } from "@/lib/synthetic/list-generation-items";
import { route } from "@/lib/http/route";

const ZQuery = ZListGenerationItems.omit({ campaignId: true });

export const GET = route({ query: ZQuery }, async ({ params, query }) => listGenerationItems({ ...query, campaignId: params.id }));
