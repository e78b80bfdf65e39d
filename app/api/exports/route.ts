/**
 * GET  /api/exports?limit=&before=&deleted=include|exclude   → { exports: ExportView[], nextBefore }   (viewer)
 * POST /api/exports   body TExportSpec (lib/export/types.ts)  → 201 { export: ExportDetail }        (admin)
 *      Writes to `<data dir>/exports/<id>-<slug>` (the API never takes a server path). 400 bad spec or
 *      nothing matches; 404 unknown dataset or model; 409 model filter without an active model.
 */
import { createExport } from "@/lib/export/create-export";
import { getExport } from "@/lib/export/get-export";
import { listExports, ZListExports } from "@/lib/export/list-exports";
import { ZExportSpec } from "@/lib/export/types";
import { route } from "@/lib/http/route";
import { jobRegistry } from "@/workers/registry";

export const GET = route({ query: ZListExports }, async ({ query }) => listExports(query));

export const POST = route({ role: "admin", body: ZExportSpec }, async ({ body, user }) => {
  const created = await createExport({ spec: body, createdById: user.id }, jobRegistry);
  return Response.json({ export: await getExport({ exportId: created.id }) }, { status: 201 });
});
