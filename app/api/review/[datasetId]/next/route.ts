/**
 * GET /api/review/:datasetId/next?queue=random|stratified|uncertain|disagreements|mine|audit&auditId=&exclude=1,2,3&limit=5&cursor=…&highlight=1
 *   queue     default random; uncertain = the pool nearest the active classifier's cut, nearest first;
 *             audit = the audit's sample (auditId required) in its stored order, blind: classifierProb and
 *             classifier are null; label these with PUT /api/labels { queue: "audit", auditId }
 *   exclude   ids the client already holds or is saving (≤ 500)
 *   limit     1–20, default 5
 *   cursor    "mine" queue only: the previous response's cursor
 *   highlight 0 to skip syntax coloring (html is then escaped plain text)
 * → { snippets: ReviewSnippet[], progress: QueueProgress, exhausted: boolean, cursor: string | null,
 *     classifier: { version, cut } | null }   (null: no active model; the uncertain queue is then empty)
 *   ReviewSnippet = { id, datasetId, language, source, path, license, externalId, sizeBytes, lineCount, llmScore,
 *     classifierProb, classifier, reviewCount, labelsPerSnippet, html, highlightLanguage, truncated, llmLabel, myLabel,
 *     others } (lib/labels/types.ts)
 * Any signed-in user (viewers read); 404 for an unknown dataset.
 */
import { route } from "@/lib/http/route";
import { nextSnippets, ZNextSnippets } from "@/lib/labels/next-snippets";
import { ZDatasetParams } from "@/lib/labels/route-params";

export const GET = route({ query: ZNextSnippets }, async ({ user, query, params }) => {
  const { datasetId } = ZDatasetParams.parse(params);
  return nextSnippets(datasetId, user.id, query);
});
