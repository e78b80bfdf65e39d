/** GET /api/synthetic/campaigns/:id/coverage → { coverage: GridCoverage }  (viewer): cells × planned/generated/failed */
import { getGridCoverage } from "@/lib/synthetic/grid-coverage";
import { route } from "@/lib/http/route";

export const GET = route({}, async ({ params }) => ({ coverage: await getGridCoverage({ campaignId: params.id }) }));
