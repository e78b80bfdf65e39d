import { createHighlighter, createJavaScriptRegexEngine, type HighlighterGeneric } from "shiki";
import { HIGHLIGHT_LANGS } from "./languages";

export const HIGHLIGHT_THEME = "github-light";

type Highlighter = HighlighterGeneric<string, string>;
type Cache = { highlighter?: Promise<Highlighter> };
// One highlighter per process (kept on globalThis across Next.js dev reloads): creating one loads every
// grammar, ~80 ms; highlighting with a warm one costs ~1 ms per 50 lines.
const cache = ((globalThis as { __syllabusHighlighter?: Cache }).__syllabusHighlighter ??= {});

/**
 * The shared shiki highlighter. The JavaScript regex engine instead of Oniguruma/WASM: no .wasm to load
 * in the server bundle and ~2x faster tokenizing for these grammars; `forgiving` skips the rare pattern
 * it cannot translate instead of failing the whole snippet.
 */
export function getHighlighter(): Promise<Highlighter> {
  if (!cache.highlighter) {
    cache.highlighter = createHighlighter({
      themes: [HIGHLIGHT_THEME],
      langs: [...HIGHLIGHT_LANGS],
      engine: createJavaScriptRegexEngine({ forgiving: true }),
    }) as Promise<Highlighter>;
    // A failed start must not poison the process: the next caller tries again.
    cache.highlighter.catch(() => (cache.highlighter = undefined));
  }
  return cache.highlighter;
}
