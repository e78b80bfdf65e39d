/** POST /api/synthetic/campaigns/estimate  body as POST /api/synthetic/campaigns → { estimate: GenerationEstimate }  (viewer; spends nothing) */
import { estimateGeneration } from "@/lib/synthetic/estimate-generation";
import { ZGenerationCampaignInput } from "@/lib/synthetic/campaign-input";
import { route } from "@/lib/http/route";

export const POST = route({ body: ZGenerationCampaignInput }, async ({ body }) => ({ estimate: await estimateGeneration(body) }));
