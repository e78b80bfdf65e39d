/**
 * POST /api/settings/llm/test — checks the saved endpoint: lists models (or sends a 1-token chat request
 * when /models is unsupported) and reports latency and whether each configured model exists (role: admin).
 *   200 { result: LlmConnectionResult } (result.ok false with result.error when the server failed) · 403
 */
import { getLlmConfig } from "@/lib/llm/config";
import { testLlmConnection } from "@/lib/llm/test-llm-connection";
import { route } from "@/lib/http/route";

export const POST = route({ role: "admin" }, async () => ({ result: await testLlmConnection(await getLlmConfig()) }));
