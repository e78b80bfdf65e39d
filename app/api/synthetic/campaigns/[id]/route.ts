/** GET /api/synthetic/campaigns/:id → { campaign: GenerationCampaignView, coverage: GridCoverage }  (viewer); 404 */
import { getGenerationCampaign } from "@/lib/synthetic/get-generation-campaign";
import { getGridCoverage } from "@/lib/synthetic/grid-coverage";
import { route } from "@/lib/http/route";

export const GET = route({}, async ({ params }) => {
  const campaign = await getGenerationCampaign({ campaignId: params.id });
  return { campaign, coverage: await getGridCoverage({ campaignId: campaign.id }) };
});
