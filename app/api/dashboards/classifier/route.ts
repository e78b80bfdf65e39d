/**
 * GET /api/dashboards/classifier?datasetId=&modelId= (role: viewer) → ClassifierPanel (lib/dashboards/types.ts):
 *   { datasetId, model, note, threshold, vsHuman: { n, positives, rocAuc, prAuc, roc: { fpr, tpr, thresholds },
 *   pr: { precision, recall, thresholds } }, vsLlm: { …same, binned: true } (probabilities rounded down to 0.01),
 *   calibration: { against: "human" | "llm", bins: [{ lo, hi, count, meanProb, fracPositive }] },
 *   histograms: [{ llmScore, bins: number[20] }] }. modelId defaults to the active model; 404 for an unknown model.
 */
import { z } from "zod";
import { classifierPanel } from "@/lib/dashboards/classifier-panel";
import { ZDashboardQuery } from "@/lib/dashboards/precision-panel";
import { route } from "@/lib/http/route";

const ZQuery = ZDashboardQuery.pick({ datasetId: true, modelId: true }).extend({ auditId: z.string().optional() });

export const GET = route({ query: ZQuery }, async ({ query: { datasetId, modelId } }) => classifierPanel({ datasetId, modelId }));
