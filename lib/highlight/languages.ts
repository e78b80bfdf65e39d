/**
 * The fixed set of grammars the review view highlights, and the mapping from the language names found in
 * corpora (The Stack says "Python", "C++", "Shell"; file extensions say "py", "sh") to them. Anything else
 * is shown as plain text: loading grammars on demand would make the first request for a rare language slow
 * and the highlighter's memory unbounded.
 */
export const HIGHLIGHT_LANGS = [
  "python", "javascript", "typescript", "java", "go", "rust", "c", "cpp", "sql", "shellscript", "json", "yaml", "markdown",
] as const;
export type HighlightLang = (typeof HIGHLIGHT_LANGS)[number];

const ALIASES: Record<string, HighlightLang> = {
  python: "python", py: "python", python3: "python", jupyter: "python",
  javascript: "javascript", js: "javascript", jsx: "javascript", mjs: "javascript", cjs: "javascript", node: "javascript",
  typescript: "typescript", ts: "typescript", tsx: "typescript",
  java: "java",
  go: "go", golang: "go",
  rust: "rust", rs: "rust",
  c: "c", h: "c",
  "c++": "cpp", cpp: "cpp", cxx: "cpp", cc: "cpp", hpp: "cpp", cplusplus: "cpp",
  sql: "sql", plsql: "sql", postgresql: "sql", mysql: "sql", sqlite: "sql",
  shell: "shellscript", shellscript: "shellscript", bash: "shellscript", sh: "shellscript", zsh: "shellscript",
  json: "json", jsonl: "json",
  yaml: "yaml", yml: "yaml",
  markdown: "markdown", md: "markdown",
};

/** Grammar for a corpus language name, or null for plain text. */
export function highlightLangFor(language: string | null | undefined): HighlightLang | null {
  if (!language) return null;
  return ALIASES[language.trim().toLowerCase()] ?? null;
}
