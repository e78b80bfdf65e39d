import { z } from "zod";

// Unset and blank variables both mean "not set".
const blank = (v: unknown) => (typeof v === "string" ? v.trim() || undefined : v);
const modelName = z.preprocess(blank, z.string().max(200).regex(/^\S+$/, "must be a model name without spaces").optional());

/**
 * The LLM part of the environment. Kept free of database imports so the web server's instrumentation
 * hook and the worker can validate it at start without loading Prisma.
 */
export const ZLlmEnv = z.object({
  OPENAI_API_KEY: z.preprocess(blank, z.string().max(1000).optional()),
  OPENAI_BASE_URL: z.preprocess(blank, z.url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. http://localhost:11434/v1" }).optional()),
  SYLLABUS_LABEL_MODEL: modelName,
  SYLLABUS_GENERATE_MODEL: modelName,
  SYLLABUS_EMBED_MODEL: modelName,
  OPENAI_TIMEOUT_MS: z.preprocess(blank, z.coerce.number({ error: "must be a number of milliseconds" }).int().min(1000).max(600_000).optional()),
});
export type LlmEnv = z.infer<typeof ZLlmEnv>;

export const LLM_DEFAULTS = {
  models: { label: "gpt-4o-mini", generate: "gpt-4o-mini", embed: "text-embedding-3-small" },
  timeoutMs: 60_000,
} as const;

export class LlmEnvError extends Error {
  override name = "LlmEnvError";
}

/** Validates the LLM variables; a bad value throws an error naming the variable. */
export function parseLlmEnv(env: Record<string, string | undefined>): LlmEnv {
  const parsed = ZLlmEnv.safeParse(env);
  if (!parsed.success) throw new LlmEnvError(`invalid LLM configuration in the environment\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
