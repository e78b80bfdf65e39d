import type { PromptVersion } from "../types";

/** The constraints one generation request is made under (lib/synthetic plans them). */
export type GenerationConstraints = { topic: string; audience?: string | null; functionName?: string | null };

/** Said when a campaign has no audience list: the prompts always read naturally. */
export const DEFAULT_AUDIENCE = "a student learning to program";

/** What the prompt editor previews a textbook or exercise prompt on. */
export const SAMPLE_CONSTRAINTS: Required<{ [K in keyof GenerationConstraints]: string }> = {
  topic: "recursion",
  audience: "a first-year computer science student",
  functionName: "count_nested_items",
};

/**
 * Fills {{topic}}, {{audience}} and {{function_name}} of a textbook or exercise prompt in one pass (so
 * placeholder-like text inside a value is left alone). A missing audience reads as DEFAULT_AUDIENCE; a
 * missing function name as "a function name of your choice".
 */
export function renderGenerationPrompt(prompt: Pick<PromptVersion, "system" | "template">, c: GenerationConstraints): { system: string; user: string } {
  const values: Record<string, string> = {
    topic: c.topic,
    audience: c.audience?.trim() || DEFAULT_AUDIENCE,
    function_name: c.functionName?.trim() || "a function name of your choice",
  };
  const user = prompt.template.replace(/\{\{\s*(topic|audience|function_name)\s*\}\}/g, (_, name: string) => values[name]);
  return { system: prompt.system, user };
}
