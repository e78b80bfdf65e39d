/**
 * The parts of a synthetic item and the snippet content made from them. One definition, shared by
 * generation, JSONL import, review edits, execution, diversity, decontamination and export: a textbook
 * section's content is its markdown text (with its title as a heading when it has one); an exercise's content
 * is prompt + solution (what Phi-1's CodeExercises hold), its tests kept beside it.
 */
export type SyntheticKind = "textbook" | "exercise";

export const SYNTHETIC_KINDS: readonly SyntheticKind[] = ["textbook", "exercise"];

export type SyntheticParts = {
  title?: string | null;
  /** Textbook: markdown with fenced code blocks. */
  text?: string | null;
  /** Exercise: optional preamble + signature + docstring. */
  prompt?: string | null;
  /** Exercise: the body that completes the prompt. */
  solution?: string | null;
  /** Exercise: assert lines or a check function run after prompt + solution. */
  tests?: string | null;
};

/** The snippet content of an item; throws when a required part is missing or empty. */
export function composeContent(kind: SyntheticKind, parts: SyntheticParts): string {
  if (kind === "textbook") {
    const text = parts.text ?? "";
    if (!text.trim()) throw new Error("a textbook section needs a non-empty text");
    const title = parts.title?.trim();
    return title && !text.trimStart().startsWith("#") ? `# ${title}\n\n${text}` : text;
  }
  const prompt = parts.prompt ?? "";
  const solution = parts.solution ?? "";
  if (!prompt.trim()) throw new Error("an exercise needs a non-empty prompt");
  if (!solution.trim()) throw new Error("an exercise needs a non-empty solution");
  return prompt.endsWith("\n") ? prompt + solution : `${prompt}\n${solution}`;
}

/** The program an exercise runs as: prompt + solution, a blank line, then its tests. */
export function composeExerciseProgram(parts: SyntheticParts): string {
  const body = composeContent("exercise", parts);
  const program = body.endsWith("\n") ? body : body + "\n";
  const tests = parts.tests?.trim() ? parts.tests : "";
  return tests ? `${program}\n${tests.endsWith("\n") ? tests : tests + "\n"}` : program;
}
