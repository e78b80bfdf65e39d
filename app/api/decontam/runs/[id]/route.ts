/**
 * GET /api/decontam/runs/:id → { run: DecontamRunDetail }   (viewer) — the run (see GET /api/decontam/runs) plus
 *     benchmarksMatched: [{ benchmarkId, name, snippets, items, matches, byMethod: { ngram, substring },
 *     topItems: [{ taskId, snippets }] }]
 */
import { getDecontamRun } from "@/lib/decontam/get-decontam-run";
import { route } from "@/lib/http/route";

export const GET = route({}, async ({ params }) => ({ run: await getDecontamRun({ runId: params.id as string }) }));
