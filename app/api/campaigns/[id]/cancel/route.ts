/** POST /api/campaigns/:id/cancel → { campaign } (admin). A running campaign stops once its requests in flight abort. */
import { cancelCampaign } from "@/lib/campaigns/cancel-campaign";
import { route } from "@/lib/http/route";

export const POST = route({ role: "admin" }, async ({ params }) => ({ campaign: await cancelCampaign({ campaignId: params.id }) }));
