/**
 * GET /api/audits/:id → { audit: AuditView, stats: AuditStats }   (any signed-in user; 404 unknown audit)
 *   stats.kept.precision and stats.rejected.forRate: { estimate | null, low, high } 95% Wilson intervals over
 *   labeled items (truth: median human score ≥ audit.threshold); stats.recall: keptCount·P / (keptCount·P +
 *   rejectedCount·FOR), its interval the conservative combination of the two; stats.labelMoreFor: labels
 *   still needed per side for ±0.05 and ±0.03. Types: lib/audits/types.ts.
 */
import { getAudit } from "@/lib/audits/get-audit";
import { getAuditStats } from "@/lib/audits/get-audit-stats";
import { route } from "@/lib/http/route";
import { ZId } from "@/lib/labels/route-params";

export const GET = route({}, async ({ params }) => {
  const id = ZId.parse(params.id);
  const [audit, stats] = await Promise.all([getAudit(id), getAuditStats(id)]);
  return { audit, stats };
});
