/**
 * GET /api/models/compare?from=<model id>&to=<model id>&datasetId= (role: viewer)
 * → { total, bothHigh, bothLow, lowToHigh, highToLow, cutFrom, cutTo } over the snippets both models scored;
 *   "high" is a probability at or above that model's own cut. 404 for an unknown model.
 */
import { z } from "zod";
import { compareModels, ZCompareModels } from "@/lib/classifier/compare-models";
import { route } from "@/lib/http/route";

const ZQuery = z.object({ from: ZCompareModels.shape.fromId, to: ZCompareModels.shape.toId, datasetId: ZCompareModels.shape.datasetId });

export const GET = route({ query: ZQuery }, async ({ query: { from, to, datasetId } }) => compareModels({ fromId: from, toId: to, datasetId }));
