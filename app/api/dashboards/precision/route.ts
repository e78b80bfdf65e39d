/**
 * GET /api/dashboards/precision?datasetId=&modelId=&auditId= (role: viewer) → PrecisionPanel (lib/dashboards/types.ts):
 *   { datasetId, model, audit, note, precision, falseOmission, recall: { estimate, low, high } (95% Wilson; recall's
 *   interval is the conservative corner combination), sampleSizes: { kept, rejected: { sampled, labeled, high } },
 *   labelMore: [{ margin, more, moreRejected }], scored, scoredBytes, thresholdCurve: [{ cut, keptCount, keptFraction,
 *   keptBytes, estPrecision, estN }], trend: [{ modelVersion, auditId, precision, n }], breakdowns: { byDataset,
 *   byLanguage, bySource: [{ key, kept, labeled, high, precision }] } }.
 *   modelId defaults to the active model, auditId to that model's newest audit (of datasetId when given); an audit
 *   sets the population (its dataset). 404 for an unknown model or audit.
 */
import { precisionPanel, ZDashboardQuery } from "@/lib/dashboards/precision-panel";
import { route } from "@/lib/http/route";

export const GET = route({ query: ZDashboardQuery }, async ({ query }) => precisionPanel(query));
