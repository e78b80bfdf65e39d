/**
 * GET /api/dashboards/agreement?datasetId=&modelId= (role: viewer) → AgreementPanel (lib/dashboards/types.ts):
 *   { datasetId, threshold, llmVsHuman: { n, exact, kappaQuadratic, confusion[human][llm] (6×6), binaryAgreement, threshold },
 *   humanVsHuman: { pairs: [{ a, b, aEmail, bEmail, n, kappa (quadratic), exact }], alpha (Krippendorff, ordinal), items },
 *   classifierVsHuman: { modelId, modelVersion, n, agreement, kappa }, perAnnotator: [{ userId, email, labels, skipped,
 *   medianSeconds, agreementWithOthers, sharedItems, agreementWithLlm }], perJudge: [{ model, promptVersion, n, exact,
 *   kappaQuadratic }] }. Human truth per snippet is the median of its scored human labels. 404 for an unknown model.
 */
import { z } from "zod";
import { agreementPanel } from "@/lib/dashboards/agreement-panel";
import { ZDashboardQuery } from "@/lib/dashboards/precision-panel";
import { route } from "@/lib/http/route";

const ZQuery = ZDashboardQuery.pick({ datasetId: true, modelId: true }).extend({ auditId: z.string().optional() });

export const GET = route({ query: ZQuery }, async ({ query: { datasetId, modelId } }) => agreementPanel({ datasetId, modelId }));
