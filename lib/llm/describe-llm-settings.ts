import { getLlmConfig, isLlmConfigured, LLM_DEFAULTS, parseLlmEnv } from "./config";
import { readLlmSettings } from "./read-llm-settings";
import { decryptSecret } from "./secret-box";
import type { LlmConfig } from "./types";

type Source = LlmConfig["sources"][keyof LlmConfig["sources"]];

/** What the Settings page shows. Never contains the API key: only whether one is set, and from where. */
export type LlmSettingsView = {
  configured: boolean;
  baseUrl: { value: string | null; source: Source; env: string | null };
  apiKey: { set: boolean; source: Source | null; envSet: boolean; problem: string | null };
  models: Record<"label" | "generate" | "embed", { value: string; source: Source; env: string | null; default: string }>;
  timeoutMs: { value: number; source: Source; env: number | null; default: number };
};

export async function describeLlmSettings(): Promise<LlmSettingsView> {
  const cfg = await getLlmConfig();
  const env = parseLlmEnv(process.env);
  const saved = await readLlmSettings();
  const undecryptable = saved.apiKey !== undefined && decryptSecret(saved.apiKey) === null;
  const model = (task: "label" | "generate" | "embed", fromEnv: string | undefined) => ({
    value: cfg.models[task],
    source: cfg.sources[task],
    env: fromEnv ?? null,
    default: LLM_DEFAULTS.models[task],
  });
  return {
    configured: isLlmConfigured(cfg),
    baseUrl: { value: cfg.baseUrl, source: cfg.sources.baseUrl, env: env.OPENAI_BASE_URL ?? null },
    apiKey: {
      set: cfg.apiKey !== null,
      source: cfg.apiKey !== null ? cfg.sources.apiKey : null,
      envSet: env.OPENAI_API_KEY !== undefined,
      problem: undecryptable ? "The API key saved in Syllabus cannot be decrypted (the instance secret changed). Enter it again." : null,
    },
    models: { label: model("label", env.SYLLABUS_LABEL_MODEL), generate: model("generate", env.SYLLABUS_GENERATE_MODEL), embed: model("embed", env.SYLLABUS_EMBED_MODEL) },
    timeoutMs: { value: cfg.timeoutMs, source: cfg.sources.timeoutMs, env: env.OPENAI_TIMEOUT_MS ?? null, default: LLM_DEFAULTS.timeoutMs },
  };
}
