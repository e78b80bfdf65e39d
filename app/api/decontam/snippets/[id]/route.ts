/**
 * GET /api/decontam/snippets/:id → SnippetContamination   (viewer)
 *     { snippet: { id, datasetId, datasetName, path, language, content, contaminated },
 *       override: { note, userId, userName, userEmail, createdAt } | null,
 *       matches: [{ id, runId, ngram, method, shared, overlap, evidence, benchmark: { id, name },
 *                   item: { id, taskId, prompt, solution, entryPoint },
 *                   highlights: { snippet: [start, end][], prompt: [start, end][], solution: [start, end][] } }],
 *       excluded }   — current matches strongest first; highlight ranges are character offsets (end exclusive);
 *     excluded = flagged and not overridden (left out of exports).
 */
import { getSnippetContamination } from "@/lib/decontam/get-snippet-contamination";
import { route } from "@/lib/http/route";

export const GET = route({}, async ({ params }) => getSnippetContamination({ snippetId: params.id as string }));
