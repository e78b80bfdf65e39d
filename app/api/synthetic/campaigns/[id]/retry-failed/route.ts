/** POST /api/synthetic/campaigns/:id/retry-failed → { campaign } (admin): failed (and left-over pending) items generated again by a new run. */
import { retryFailedGeneration } from "@/lib/synthetic/retry-failed-generation";
import { route } from "@/lib/http/route";
import { jobRegistry } from "@/workers/registry";

export const POST = route({ role: "admin" }, async ({ params }) => ({ campaign: await retryFailedGeneration({ campaignId: params.id }, jobRegistry) }));
