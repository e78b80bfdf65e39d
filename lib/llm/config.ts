import type { LlmConfig } from "./types";
import { LLM_DEFAULTS, parseLlmEnv } from "./llm-env";
import { readLlmSettings } from "./read-llm-settings";
import { decryptSecret } from "./secret-box";

export { LLM_DEFAULTS, LlmEnvError, parseLlmEnv, ZLlmEnv, type LlmEnv } from "./llm-env";

export class LlmNotConfiguredError extends Error {
  override name = "LlmNotConfiguredError";
  constructor() {
    super("no LLM endpoint is configured: set OPENAI_API_KEY or OPENAI_BASE_URL, or save an endpoint on the Settings page");
  }
}

/** A base URL alone is enough: local servers (Ollama, vLLM, llama.cpp) need no key. */
export function isLlmConfigured(cfg: Pick<LlmConfig, "baseUrl" | "apiKey">): boolean {
  return Boolean(cfg.baseUrl || cfg.apiKey);
}

/**
 * The effective LLM settings: a value saved in the UI wins over the environment, which wins over the
 * built-in default. Read from the database on every call so a change on the Settings page reaches running
 * workers without a restart. A saved key that cannot be decrypted (instance secret changed) is ignored.
 */
export async function getLlmConfig(): Promise<LlmConfig> {
  const env = parseLlmEnv(process.env);
  const saved = await readLlmSettings();
  const savedKey = saved.apiKey ? decryptSecret(saved.apiKey) : null;
  const savedTimeout = saved.timeoutMs ? Number(saved.timeoutMs) : NaN;

  const pick = <T>(fromSettings: T | null | undefined, fromEnv: T | undefined, fallback: T) =>
    fromSettings != null ? { value: fromSettings, source: "settings" as const } : fromEnv !== undefined ? { value: fromEnv, source: "env" as const } : { value: fallback, source: "default" as const };

  const baseUrl = pick<string | null>(saved.baseUrl, env.OPENAI_BASE_URL, null);
  const apiKey = pick<string | null>(savedKey, env.OPENAI_API_KEY, null);
  const label = pick(saved.label, env.SYLLABUS_LABEL_MODEL, LLM_DEFAULTS.models.label);
  const generate = pick(saved.generate, env.SYLLABUS_GENERATE_MODEL, LLM_DEFAULTS.models.generate);
  const embed = pick(saved.embed, env.SYLLABUS_EMBED_MODEL, LLM_DEFAULTS.models.embed);
  const timeoutMs = pick(Number.isFinite(savedTimeout) ? savedTimeout : null, env.OPENAI_TIMEOUT_MS, LLM_DEFAULTS.timeoutMs);

  return {
    baseUrl: baseUrl.value,
    apiKey: apiKey.value,
    models: { label: label.value, generate: generate.value, embed: embed.value },
    timeoutMs: timeoutMs.value,
    sources: { baseUrl: baseUrl.source, apiKey: apiKey.source, label: label.source, generate: generate.source, embed: embed.source, timeoutMs: timeoutMs.source },
  };
}
