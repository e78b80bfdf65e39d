/** GET /api/synthetic/items/:id/history/:version → { version: { version, editedBy, createdAt, current, kind, parts, blocks, html } } (viewer). */
import { route } from "@/lib/http/route";
import { getItemVersion } from "@/lib/synthetic/review/get-item-version";
import { ZItemVersionParams } from "@/lib/synthetic/review/route-params";

export const GET = route({}, async ({ params }) => {
  const { id, version } = ZItemVersionParams.parse(params);
  return { version: await getItemVersion(id, version) };
});
