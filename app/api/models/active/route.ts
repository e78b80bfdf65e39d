/**
 * GET /api/models/active → { model: { id, version, cut, threshold } | null } (role: viewer): the model whose
 * probabilities are the snippets' classifierProb; null before any model was activated.
 */
import { getActiveModel } from "@/lib/classifier/get-active-model";
import { route } from "@/lib/http/route";

export const GET = route({}, async () => ({ model: await getActiveModel() }));
