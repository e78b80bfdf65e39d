/**
 * POST /api/prompts/preview — render a prompt on a snippet, as it would be sent (role: viewer).
 *   body { promptId | draft: { task?, system, template, maxCodeChars }, snippetId? | code?, language?, path?,
 *          constraints?: { topic, audience?, functionName? } }
 *   edu-score: without snippetId or code, the first snippet of the first dataset is used. textbook/exercise:
 *   rendered on `constraints` (default: a sample topic, audience and function name).
 *   200 { preview: { messages, tokens: { system, user, total }, truncated, snippet | null, constraints | null } } · 400 · 404
 */
import { previewPrompt, ZPreviewPrompt } from "@/lib/llm/prompts/preview-prompt";
import { route } from "@/lib/http/route";

export const POST = route({ body: ZPreviewPrompt }, async ({ body }) => ({ preview: await previewPrompt(body) }));
