/**
 * GET /api/diversity/campaigns?datasetId= → { campaigns: ScopeCampaign[] }: the dataset's generation campaigns
 * with their item counts, newest first — the scopes a report can take. 404 unknown dataset. (any signed-in user)
 */
import { z } from "zod";
import { listScopeCampaigns } from "@/lib/diversity/list-scope-campaigns";
import { route } from "@/lib/http/route";

const ZQuery = z.object({ datasetId: z.coerce.number().int().positive() });

export const GET = route({ query: ZQuery }, async ({ query }) => ({ campaigns: await listScopeCampaigns(query.datasetId) }));
