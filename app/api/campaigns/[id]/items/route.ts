/** GET /api/campaigns/:id/items?status=failed&limit=50&after=<item id> → { items: CampaignItemView[], nextAfter } */
import { listCampaignItems, ZListCampaignItems } from "@/lib/campaigns/list-campaign-items";
import { route } from "@/lib/http/route";

const ZQuery = ZListCampaignItems.omit({ campaignId: true });

export const GET = route({ query: ZQuery }, async ({ params, query }) => listCampaignItems({ ...query, campaignId: params.id }));
