/**
 * How the scanner reads a language: its comment and string syntax, and which one-hot group it belongs to.
 * Only what changes the scan is modelled; everything else falls back to a generic C/shell hybrid.
 */
export type LanguageMode = {
  /** One-hot group: 0 other, 1 python, 2 javascript/typescript, 3 java-like, 4 c/c++, 5 go, 6 rust. */
  group: number;
  /** 0: `#` is code; 1: `#` starts a comment anywhere; 2: only as the first character of a line. */
  hashComments: 0 | 1 | 2;
  /** `//` line comments and slash-star block comments. */
  slashComments: boolean;
  /** Python: triple-quoted strings, docstrings, doctests, string prefixes, indentation blocks. */
  python: boolean;
  /** JavaScript/Go template strings in backticks may span lines. */
  backticks: boolean;
  /** Rust: `'a` is a lifetime, not the start of a string. */
  lifetimes: boolean;
};

export const LANGUAGE_GROUPS = ["python", "javascript", "java", "c", "go", "rust"] as const;

const mode = (group: number, hashComments: 0 | 1 | 2, slashComments: boolean, extra: Partial<LanguageMode> = {}): LanguageMode => ({
  group,
  hashComments,
  slashComments,
  python: false,
  backticks: false,
  lifetimes: false,
  ...extra,
});

const PYTHON = mode(1, 1, false, { python: true });
const JAVASCRIPT = mode(2, 0, true, { backticks: true });
const JAVA = mode(3, 0, true);
const C = mode(4, 0, true);
const GO = mode(5, 0, true, { backticks: true });
const RUST = mode(6, 0, true, { lifetimes: true });
const C_LIKE = mode(0, 0, true);
const PHP = mode(0, 1, true);
const HASH = mode(0, 1, false);
const GENERIC = mode(0, 2, true);

const BY_NAME = new Map<string, LanguageMode>();
const add = (m: LanguageMode, names: string) => names.split(" ").forEach((n) => BY_NAME.set(n, m));
add(PYTHON, "python py python3 pyw cython pyx");
add(JAVASCRIPT, "javascript js jsx mjs cjs typescript ts tsx mts cts");
add(JAVA, "java kotlin kt kts c# csharp cs scala sc groovy dart");
add(C, "c h c++ cpp cc cxx hpp hh hxx objective-c objc m cuda cu");
add(GO, "go golang");
add(RUST, "rust rs");
add(C_LIKE, "swift solidity sol zig css scss less protobuf proto");
add(PHP, "php");
add(HASH, "ruby rb shell sh bash zsh r perl pl yaml yml toml makefile dockerfile powershell ps1 julia jl nim elixir ex exs coffeescript coffee cmake tcl awk");

const byLanguage = new Map<string, LanguageMode | null>();

/** The mode for a snippet: its language name, else its file extension, else generic. */
export function languageMode(language: string, path: string | null): LanguageMode {
  let m = byLanguage.get(language);
  if (m === undefined) {
    m = BY_NAME.get(language.trim().toLowerCase()) ?? null;
    // Language names come from a handful of values per corpus; the cap only guards against junk.
    if (byLanguage.size < 10_000) byLanguage.set(language, m);
  }
  return m ?? (path ? BY_NAME.get(extensionOf(path)) : undefined) ?? GENERIC;
}

function extensionOf(path: string): string {
  const slash = path.lastIndexOf("/");
  const dot = path.lastIndexOf(".");
  return dot > slash + 1 ? path.slice(dot + 1).toLowerCase() : "";
}
