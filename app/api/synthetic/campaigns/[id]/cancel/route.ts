/** POST /api/synthetic/campaigns/:id/cancel → { campaign } (admin). A running campaign stops once its requests in flight abort. */
import { cancelGenerationCampaign } from "@/lib/synthetic/cancel-generation-campaign";
import { route } from "@/lib/http/route";

export const POST = route({ role: "admin" }, async ({ params }) => ({ campaign: await cancelGenerationCampaign({ campaignId: params.id }) }));
