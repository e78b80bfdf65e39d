/**
 * GET /api/snippets/count — how many snippets match the filters of GET /api/snippets (same parameters;
 * cursor, sort and limit are ignored) (role: viewer). Separate from the page so that paging never pays for
 * counting and a client counts once per filter set.
 *
 * Response 200: { total: number | null, capped: boolean }
 *   total: exact; or, when capped, the cap (10,000 with one filter besides the dataset, 1,000 with several)
 *          and there are at least that many; null with q (a text search is never counted). With modelId or
 *          source (tested row by row) counting stops after ~250 ms: capped with the count so far, "at least".
 */
import { route } from "@/lib/http/route";
import { countSnippets, ZCountSnippets } from "@/lib/snippets/count-snippets";

export const GET = route({ query: ZCountSnippets }, async ({ query }) => countSnippets(query));
