/**
 * GET /api/decontam/flagged?dataset=<id>&benchmark=<id>&override=all|excluded|overridden&after=<snippet id>&limit=50
 *     → { items: [{ snippetId, datasetId, datasetName, path, language, matches: [{ benchmarkId, benchmark, taskId,
 *         method: "ngram" | "substring", shared, overlap }], override: { note, userId, createdAt } | null }],
 *         nextAfter, total }   (viewer)
 *     Snippets with current matches (from succeeded runs), by id, keyset pages (limit ≤ 200). `excluded` = no
 *     override (left out of exports), `overridden` = kept by a reviewer.
 */
import { z } from "zod";
import { listFlaggedSnippets } from "@/lib/decontam/list-flagged-snippets";
import { route } from "@/lib/http/route";

const ZQuery = z.object({
  dataset: z.coerce.number().int().positive().optional(),
  benchmark: z.coerce.number().int().positive().optional(),
  override: z.enum(["all", "excluded", "overridden"]).optional(),
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const GET = route({ query: ZQuery }, async ({ query }) =>
  listFlaggedSnippets({ datasetId: query.dataset, benchmarkId: query.benchmark, override: query.override, after: query.after, limit: query.limit }),
);
