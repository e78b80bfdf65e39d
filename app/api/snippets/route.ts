/**
 * GET /api/snippets — one page of snippets, keyset-paginated (role: viewer).
 *
 * Query (all optional; an empty value means "no filter"):
 *   dataset=<id>  language=<name>  llmScore=0..5|unlabeled  minScore=0..5  maxScore=0..5 (range excludes unlabeled)
 *   minProb=0..1  maxProb=0..1 (inclusive range of the active classifier's P(high); excludes unscored snippets)
 *   reviewed=any|reviewed|unreviewed  reviewer=<user id> (snippets that user labeled)
 *   humanScore=0..5 (a human label with that score; by `reviewer` when both are set)
 *   Drill-down (links from /quality): modelId=<id> (minProb/maxProb apply to that model's scores instead of the
 *   active model's)  auditId=<id> [side=kept|rejected] (the audit's sampled snippets)
 *   minHumanScore=0..5 maxHumanScore=0..5 (median of the labeled human scores, even counts rounded down)  source=<repo> (exact)
 *   q=<text> (case-insensitive substring of content, path or source repo; see `scanned`)
 *   sort=id|-id|llmScore|-llmScore|prob|-prob|size|-size (default id; "-" = descending; unlabeled / unscored sort lowest)
 *   cursor=<nextCursor or prevCursor of a previous page, same sort>  limit=1..200 (default 50)
 *
 * Response 200:
 *   { items: [{ id, datasetId, preview, path, language, source, license, sizeBytes, lineCount, llmScore,
 *               classifierProb (0–1 | null), reviewCount, humanLabels: [{ userId, userName, score, agreed }] }],
 *     nextCursor: string | null, prevCursor: string | null,
 *     total: number | null,    // exact when free (dataset-only filter, or a first page holding every match);
 *                              // otherwise null: see GET /api/snippets/count
 *     scanned: number | null } // with q: the page stopped after examining this many rows; Next continues
 * 400 { error, details } for an invalid parameter or a cursor from another sort.
 */
import { route } from "@/lib/http/route";
import { searchSnippets, ZSearchSnippets } from "@/lib/snippets/search-snippets";

export const GET = route({ query: ZSearchSnippets }, async ({ query }) => searchSnippets(query));
