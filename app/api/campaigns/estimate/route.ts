/** POST /api/campaigns/estimate  body TEstimateCampaign → { estimate: CampaignEstimate }   (any signed-in user; spends nothing) */
import { estimateCampaign, ZEstimateCampaign } from "@/lib/campaigns/estimate-campaign";
import { route } from "@/lib/http/route";

export const POST = route({ body: ZEstimateCampaign }, async ({ body }) => ({ estimate: await estimateCampaign(body) }));
