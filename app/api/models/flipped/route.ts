/**
 * GET /api/models/flipped?from=<model id>&to=<model id>&direction=lowToHigh|highToLow&datasetId=&after=&limit= (role: viewer)
 * → { items: [{ snippetId, datasetId, path, language, probFrom, probTo, llmScore }], nextAfter: number | null }
 *   Snippets whose class changed between the two models in that direction, by snippet id; pass nextAfter as
 *   `after` for the next page. limit 1–500 (default 50). 404 for an unknown model.
 */
import { z } from "zod";
import { listFlipped, ZListFlipped } from "@/lib/classifier/list-flipped";
import { route } from "@/lib/http/route";

const { fromId, toId, ...rest } = ZListFlipped.shape;
const ZQuery = z.object({ from: fromId, to: toId, ...rest });

export const GET = route({ query: ZQuery }, async ({ query: { from, to, ...q } }) => listFlipped({ ...q, fromId: from, toId: to }));
