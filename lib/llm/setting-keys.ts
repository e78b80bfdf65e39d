/** Keys of the `setting` rows the LLM code reads; values saved in the UI override the environment. */
export const LLM_SETTING_KEYS = {
  baseUrl: "llm.baseUrl",
  apiKey: "llm.apiKey",
  label: "llm.model.label",
  generate: "llm.model.generate",
  embed: "llm.model.embed",
  timeoutMs: "llm.timeoutMs",
} as const;

export type LlmSettingField = keyof typeof LLM_SETTING_KEYS;

export const defaultPromptKey = (task: string) => `prompt.default.${task}`;

/** Set once the default price table has been written, so prices an admin deleted stay deleted. */
export const PRICES_SEEDED_KEY = "prices.seeded";
