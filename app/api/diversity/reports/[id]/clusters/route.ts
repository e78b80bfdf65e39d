/**
 * GET /api/diversity/reports/:id/clusters?offset=0&limit=50 → { total, stored, clusters: ClusterSummary[] }:
 * the report's near-duplicate clusters, largest first (`total` found, `stored` kept on the report, at most
 * maxClusters), each { index, size, representative, snippetIds (first 8), similarity { min, mean, max } }.
 * 404 unknown report. (any signed-in user)
 */
import { z } from "zod";
import { listClusters } from "@/lib/diversity/list-clusters";
import { route } from "@/lib/http/route";
import { ZId } from "@/lib/labels/route-params";

const ZQuery = z.object({ offset: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(500).optional() });

export const GET = route({ query: ZQuery }, async ({ params, query }) => listClusters({ reportId: ZId.parse(params.id), ...query }));
