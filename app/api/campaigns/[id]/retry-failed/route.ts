/** POST /api/campaigns/:id/retry-failed → { campaign } (admin): failed items back to pending, a new run queued. */
import { retryFailedItems } from "@/lib/campaigns/retry-failed-items";
import { route } from "@/lib/http/route";
import { jobRegistry } from "@/workers/registry";

export const POST = route({ role: "admin" }, async ({ params }) => ({ campaign: await retryFailedItems({ campaignId: params.id }, jobRegistry) }));
