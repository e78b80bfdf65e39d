/**
 * GET /api/diversity/reports/:id/clusters/:index?limit=12 → ClusterDetail { index, cluster, members }: one stored
 * cluster and its first `limit` members (2–50; the first is the representative, the lowest id) with their
 * highlighted lines, estimated Jaccard with the representative and the lines that differ on both sides.
 * 400 index out of range; 404 unknown report. (any signed-in user)
 */
import { z } from "zod";
import { getCluster } from "@/lib/diversity/get-cluster";
import { route } from "@/lib/http/route";
import { ZId } from "@/lib/labels/route-params";

const ZQuery = z.object({ limit: z.coerce.number().int().min(2).max(50).optional() });

export const GET = route({ query: ZQuery }, async ({ params, query }) =>
  getCluster({ reportId: ZId.parse(params.id), index: z.coerce.number().int().min(0).parse(params.index), ...query }),
);
