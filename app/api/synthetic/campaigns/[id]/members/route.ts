/** GET /api/synthetic/campaigns/:id/members?limit=50&after=<snippet id> → { items: CampaignMemberView[], nextAfter }  (viewer): generated and imported items */
import { listCampaignMembers, ZListCampaignMembers } from "@/lib/synthetic/list-campaign-members";
import { route } from "@/lib/http/route";

const ZQuery = ZListCampaignMembers.omit({ campaignId: true });

export const GET = route({ query: ZQuery }, async ({ params, query }) => listCampaignMembers({ ...query, campaignId: params.id }));
