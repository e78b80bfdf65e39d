/**
 * GET  /api/synthetic/campaigns?datasetId=&limit=&before=   → { campaigns: GenerationCampaignView[], nextBefore }  (viewer)
 * POST /api/synthetic/campaigns   body TCreateGenerationCampaign → 201 { campaign, estimate }  (admin: it spends money)
 *      body: { name?, datasetId | datasetName, kind: textbook|exercise|mixed, topics[], audiences[], functionNames[],
 *              functionNameMode: list|generated, textbookPromptVersion?, exercisePromptVersion?, model?, temperature?,
 *              maxTokens?, count, concurrency?, plan: { strategy: balanced|random, seed?, exerciseShare? } }
 *      400 bad input or a code dataset; 404 unknown dataset or prompt version; 409 no LLM endpoint configured.
 */
import { createGenerationCampaign, ZCreateGenerationCampaign } from "@/lib/synthetic/create-generation-campaign";
import { getGenerationCampaign } from "@/lib/synthetic/get-generation-campaign";
import { listGenerationCampaigns, ZListGenerationCampaigns } from "@/lib/synthetic/list-generation-campaigns";
import { route } from "@/lib/http/route";
import { jobRegistry } from "@/workers/registry";

export const GET = route({ query: ZListGenerationCampaigns }, async ({ query }) => listGenerationCampaigns(query));

export const POST = route({ role: "admin", body: ZCreateGenerationCampaign }, async ({ body, user }) => {
  const created = await createGenerationCampaign({ ...body, createdById: user.id }, jobRegistry);
  return Response.json({ campaign: await getGenerationCampaign({ campaignId: created.id }), estimate: created.estimate }, { status: 201 });
});
