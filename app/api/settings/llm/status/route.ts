/**
 * GET /api/settings/llm/status — whether an LLM endpoint is configured, its host and the model per task
 * (role: viewer), so forms can say "configure the LLM first".
 *   200 { status: { configured, host, models: { label, generate, embed }, features } }
 */
import { getLlmStatus } from "@/lib/llm/get-llm-status";
import { route } from "@/lib/http/route";

export const GET = route({}, async () => ({ status: await getLlmStatus() }));
