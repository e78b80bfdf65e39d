/**
 * GET /api/prompts/:id — one prompt version (role: viewer).
 *   200 { prompt: PromptView } · 404
 */
import { getPrompt } from "@/lib/llm/prompts/get-prompt";
import { route } from "@/lib/http/route";

export const GET = route({}, async ({ params }) => ({ prompt: await getPrompt({ id: Number(params.id) }) }));
