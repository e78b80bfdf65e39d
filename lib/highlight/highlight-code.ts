import { z } from "zod";
import { getHighlighter, HIGHLIGHT_THEME } from "./highlighter";
import { highlightLangFor, type HighlightLang } from "./languages";

export const MAX_HIGHLIGHT_LINES = 2000;
export const MAX_HIGHLIGHT_CHARS = 200_000;
/** Longer lines (minified code, data blobs) are shown uncolored: tokenizing them is slow and useless. */
const MAX_TOKENIZED_LINE = 2000;

export const ZHighlightCode = z.object({
  code: z.string(),
  language: z.string().nullish(),
  /** false: escape only (plain text in the same markup), for callers that do not need colors. */
  colorize: z.boolean().default(true),
  /** Stable key of this exact content (e.g. `${snippetId}:${contentHash}`) to reuse a cached rendering. */
  cacheKey: z.string().optional(),
});
export type THighlightCode = z.input<typeof ZHighlightCode>;

export type HighlightedCode = {
  /** `<pre class="shiki"><code><span class="line">…</span>…</code></pre>`, styled by `.code-view`. */
  html: string;
  /** The grammar used, or "plaintext". */
  language: HighlightLang | "plaintext";
  /** Set when only the head of a very long input is shown. */
  truncated: { shownLines: number; totalLines: number; shownChars: number; totalChars: number } | null;
};

// Small LRU of renderings: going back in the review history or refetching a snippet costs nothing.
const LRU_MAX = 300;
const lru = ((globalThis as { __syllabusHighlightLru?: Map<string, HighlightedCode> }).__syllabusHighlightLru ??= new Map());

/**
 * Server-side syntax highlighting for the review view. Output is built from shiki's tokens rather than
 * its HTML serializer: same markup, about half the time, and adjacent tokens of one color are merged.
 * Every piece of input text is HTML-escaped, so the result is safe to inject.
 */
export async function highlightCode(input: THighlightCode): Promise<HighlightedCode> {
  const { code, language, colorize, cacheKey } = ZHighlightCode.parse(input);
  const lang = colorize ? highlightLangFor(language) : null;
  const key = cacheKey ? `${lang ?? "plaintext"}:${cacheKey}` : undefined;
  const hit = key ? lru.get(key) : undefined;
  if (hit) {
    lru.delete(key!);
    lru.set(key!, hit);
    return hit;
  }
  const { head, truncated } = capInput(code);
  const result: HighlightedCode = { html: lang ? await renderTokens(head, lang) : renderPlain(head), language: lang ?? "plaintext", truncated };
  if (key) {
    lru.set(key, result);
    if (lru.size > LRU_MAX) lru.delete(lru.keys().next().value!);
  }
  return result;
}

function capInput(code: string): { head: string; truncated: HighlightedCode["truncated"] } {
  const text = code.endsWith("\n") ? code.slice(0, -1) : code;
  let cut = -1;
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    if (lines === MAX_HIGHLIGHT_LINES) {
      cut = i;
      break;
    }
    lines++;
  }
  let head = cut === -1 ? text : text.slice(0, cut);
  if (head.length > MAX_HIGHLIGHT_CHARS) {
    head = head.slice(0, MAX_HIGHLIGHT_CHARS);
    const nl = head.lastIndexOf("\n");
    if (nl > 0) head = head.slice(0, nl);
  }
  if (head.length === text.length) return { head, truncated: null };
  return { head, truncated: { shownLines: countLines(head), totalLines: countLines(text), shownChars: head.length, totalChars: code.length } };
}

function countLines(s: string): number {
  let n = 1;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c]);
}
const COLOR = /^#[0-9a-fA-F]{3,8}$/;
const safeColor = (c: string | undefined) => (c && COLOR.test(c) ? c : undefined);

function wrap(lines: string[], bg = "#fff", fg = "#24292e", cls = "plaintext"): string {
  return `<pre class="shiki ${cls}" style="background-color:${safeColor(bg) ?? "#fff"};color:${safeColor(fg) ?? "#24292e"}" tabindex="0"><code>${lines.join("\n")}</code></pre>`;
}

function renderPlain(text: string): string {
  return wrap(text.split("\n").map((l) => `<span class="line">${escapeHtml(l)}</span>`));
}

async function renderTokens(text: string, lang: HighlightLang): Promise<string> {
  const highlighter = await getHighlighter();
  const { tokens, bg, fg } = highlighter.codeToTokens(text, { lang, theme: HIGHLIGHT_THEME, tokenizeMaxLineLength: MAX_TOKENIZED_LINE });
  const lines = tokens.map((line) => {
    let out = "";
    let run = "";
    let runStyle = "";
    for (const t of line) {
      const color = safeColor(t.color);
      const fs = t.fontStyle ?? 0;
      // shiki FontStyle bits: 1 italic, 2 bold, 4 underline, 8 strikethrough.
      const style =
        (color ? `color:${color}` : "") +
        (fs & 1 ? ";font-style:italic" : "") +
        (fs & 2 ? ";font-weight:bold" : "") +
        (fs & 4 ? ";text-decoration:underline" : fs & 8 ? ";text-decoration:line-through" : "");
      if (style === runStyle) {
        run += t.content;
        continue;
      }
      out += flush(run, runStyle);
      run = t.content;
      runStyle = style;
    }
    out += flush(run, runStyle);
    return `<span class="line">${out}</span>`;
  });
  return wrap(lines, bg, fg, HIGHLIGHT_THEME);
}

function flush(text: string, style: string): string {
  if (!text) return "";
  return style ? `<span style="${style}">${escapeHtml(text)}</span>` : escapeHtml(text);
}
