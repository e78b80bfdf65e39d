/** GET /api/synthetic/items/:id/history → { versions: [{ version, editedBy, createdAt, current }] } (viewer), newest first. */
import { route } from "@/lib/http/route";
import { listItemHistory } from "@/lib/synthetic/review/list-item-history";
import { ZItemParams } from "@/lib/synthetic/review/route-params";

export const GET = route({}, async ({ params }) => ({ versions: await listItemHistory(ZItemParams.parse(params).id) }));
