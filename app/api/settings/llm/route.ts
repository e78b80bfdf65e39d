/**
 * GET /api/settings/llm — the LLM endpoint settings and where each value comes from (role: admin).
 *   200 { settings: LlmSettingsView } — never the API key, only { set, source, envSet, problem }.
 *
 * PUT /api/settings/llm — change saved settings (role: admin); saved values override the environment.
 *   body { baseUrl?: url | null, apiKey?: string | null, models?: { label?, generate?, embed? }, timeoutMs?: int | null }
 *   A field left out is unchanged; null or "" clears it (the environment's value applies again).
 *   200 { settings } · 400 · 403
 */
import { describeLlmSettings } from "@/lib/llm/describe-llm-settings";
import { saveLlmSettings, ZSaveLlmSettings } from "@/lib/llm/save-llm-settings";
import { route } from "@/lib/http/route";

export const GET = route({ role: "admin" }, async () => ({ settings: await describeLlmSettings() }));

export const PUT = route({ role: "admin", body: ZSaveLlmSettings }, async ({ body, user }) => {
  await saveLlmSettings({ input: body, userId: user.id });
  return { settings: await describeLlmSettings() };
});
