/** GET /api/synthetic/campaigns/:id/imports → { imports } (viewer): the JSONL imports attached to the campaign, with live job progress. */
import { z } from "zod";
import { listCampaignImports } from "@/lib/synthetic/list-campaign-imports";
import { route } from "@/lib/http/route";

export const GET = route({}, async ({ params }) => ({ imports: await listCampaignImports({ campaignId: z.coerce.number().int().positive().parse(params.id) }) }));
