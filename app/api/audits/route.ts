/**
 * GET  /api/audits?datasetId=&modelId=&limit=50   → { audits: AuditView[] } newest first   (any signed-in user)
 * POST /api/audits   body { modelId, datasetId?, keptSize = 400, rejectedSize = 400 (each ≤ 10,000), seed?, name?, threshold? }
 *      → 201 { audit: AuditView }   (admin). Draws uniform seeded samples of the model's kept (P ≥ cut) and
 *      rejected sets; label them in the review queue `queue=audit&auditId=`.
 *      400 model not ready or without scores; 404 unknown model or dataset.
 * AuditView: lib/audits/types.ts.
 */
import { createAudit, ZCreateAudit } from "@/lib/audits/create-audit";
import { listAudits, ZListAudits } from "@/lib/audits/list-audits";
import { route } from "@/lib/http/route";

export const GET = route({ query: ZListAudits }, async ({ query }) => ({ audits: await listAudits(query) }));

export const POST = route({ role: "admin", body: ZCreateAudit }, async ({ body, user }) =>
  Response.json({ audit: await createAudit(body, user.id) }, { status: 201 }),
);
