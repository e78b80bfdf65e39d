/** GET /api/campaigns/:id → { campaign: CampaignView, failed: { items, nextAfter } (first page of failed items) } */
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { listCampaignItems } from "@/lib/campaigns/list-campaign-items";
import { route } from "@/lib/http/route";

export const GET = route({}, async ({ params }) => {
  const campaign = await getCampaign({ campaignId: params.id });
  return { campaign, failed: await listCampaignItems({ campaignId: campaign.id, status: "failed", limit: 20 }) };
});
