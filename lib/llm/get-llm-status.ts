import { getLlmConfig, isLlmConfigured } from "./config";

/** Features that call the LLM, for "configure the LLM first" messages. */
export const LLM_FEATURES = [
  { feature: "LLM labeling campaigns", available: true },
  { feature: "Synthetic textbook and exercise generation", available: true },
  { feature: "Embeddings (near-duplicate search, classifier features)", available: false },
] as const;

export type LlmStatus = { configured: boolean; host: string | null; models: { label: string; generate: string; embed: string }; features: typeof LLM_FEATURES };

/** What any signed-in user may know: whether an endpoint is set, its host and the models; no key, no path. */
export async function getLlmStatus(): Promise<LlmStatus> {
  const cfg = await getLlmConfig();
  const configured = isLlmConfigured(cfg);
  let host: string | null = null;
  if (configured) host = cfg.baseUrl ? new URL(cfg.baseUrl).host : "api.openai.com";
  return { configured, host, models: cfg.models, features: LLM_FEATURES };
}
