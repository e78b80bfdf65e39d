/**
 * Shapes shared by the LLM client code (lib/llm) and the labeling campaigns (lib/campaigns).
 * Kept in one small file so both sides agree without importing each other's internals.
 */

/** Tokens the API reported for one request (0 when it reported none). */
export type Usage = { inputTokens: number; outputTokens: number };

/** The snippet fields a scoring prompt may use. */
export type ScoreInput = { content: string; language: string; path: string | null };

/** A prompt version as stored (table `prompt`). */
export type PromptVersion = {
  id: number;
  task: string;
  version: string;
  system: string;
  /** User message with {{language}}, {{path}} and {{code}} placeholders. */
  template: string;
  maxCodeChars: number;
};

/**
 * Outcome of scoring one snippet, retries included. `usage` sums every reply that was received (a reply
 * that could not be parsed still cost tokens); `requests` counts HTTP attempts.
 */
export type ScoreOutcome =
  | { ok: true; score: number; rationale: string; usage: Usage; requests: number; latencyMs: number }
  | { ok: false; error: string; rawReply: string | null; usage: Usage; requests: number; latencyMs: number };

/** Effective LLM settings: values saved in the UI win over the environment. */
export type LlmConfig = {
  baseUrl: string | null;
  apiKey: string | null;
  models: { label: string; generate: string; embed: string };
  timeoutMs: number;
  /** Where each value came from, for the settings page. */
  sources: Record<"baseUrl" | "apiKey" | "label" | "generate" | "embed" | "timeoutMs", "settings" | "env" | "default">;
};
