import type { PromptVersion, ScoreInput } from "../types";

export type RenderedPrompt = { system: string; user: string; truncated: boolean };

export const PLACEHOLDERS = ["language", "path", "code"] as const;

/**
 * Fills {{language}}, {{path}} and {{code}} in one pass, so placeholder-like text inside the code itself is
 * left alone. Code over maxCodeChars keeps its head (imports, signatures and docstrings carry most of the
 * signal) and says how much was cut.
 */
export function renderPrompt(prompt: Pick<PromptVersion, "system" | "template" | "maxCodeChars">, snippet: ScoreInput): RenderedPrompt {
  const truncated = snippet.content.length > prompt.maxCodeChars;
  const code = truncated
    ? `${snippet.content.slice(0, prompt.maxCodeChars)}\n… [truncated: ${(snippet.content.length - prompt.maxCodeChars).toLocaleString("en-US")} more characters not shown]`
    : snippet.content;
  const values: Record<(typeof PLACEHOLDERS)[number], string> = {
    language: snippet.language || "unknown",
    path: snippet.path || "(unknown)",
    code,
  };
  const user = prompt.template.replace(/\{\{\s*(language|path|code)\s*\}\}/g, (_, name: keyof typeof values) => values[name]);
  return { system: prompt.system, user, truncated };
}
