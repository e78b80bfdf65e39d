/**
 * GET  /api/campaigns?datasetId=&limit=&before=   → { campaigns: CampaignView[], nextBefore }   (any signed-in user)
 * POST /api/campaigns   body TCreateCampaign       → 201 { campaign: CampaignView, estimate }   (admin: it spends money)
 *      400 bad input or nothing to label; 404 unknown dataset or prompt version; 409 no LLM endpoint configured.
 */
import { createCampaign, ZCreateCampaign } from "@/lib/campaigns/create-campaign";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { listCampaigns, ZListCampaigns } from "@/lib/campaigns/list-campaigns";
import { route } from "@/lib/http/route";
import { jobRegistry } from "@/workers/registry";

export const GET = route({ query: ZListCampaigns }, async ({ query }) => listCampaigns(query));

export const POST = route({ role: "admin", body: ZCreateCampaign }, async ({ body, user }) => {
  const created = await createCampaign({ ...body, createdById: user.id }, jobRegistry);
  return Response.json({ campaign: await getCampaign({ campaignId: created.id }), estimate: created.estimate }, { status: 201 });
});
