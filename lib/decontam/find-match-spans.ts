import { DECONTAM_DEFAULTS } from "./defaults";
import { ngramKeys, type NgramKeys } from "./ngram-keys";
import { normalizeText } from "./normalize-text";
import { tokenizeWords, type WordTokens } from "./tokenize-words";
import type { Span } from "./types";

/**
 * What to highlight in the side-by-side view of a snippet and a benchmark item, computed again for the one
 * pair with the check's own rules: every word n-gram shared by both sides (runs of overlapping shared
 * windows become one range) and every occurrence of the item's normalized prompt/solution (when at least
 * minSubstringChars long) inside the normalized snippet. Ranges are character offsets into the originals,
 * sorted and merged.
 */
export function findMatchSpans(
  content: string,
  item: { prompt: string; solution: string },
  options: { ngram?: number; minSubstringChars?: number } = {},
): { snippet: Span[]; prompt: Span[]; solution: Span[] } {
  const n = options.ngram ?? DECONTAM_DEFAULTS.ngram;
  const minChars = options.minSubstringChars ?? DECONTAM_DEFAULTS.minSubstringChars;
  const sides = [content, item.prompt, item.solution].map((text) => {
    const tokens = tokenizeWords(text);
    return { text, tokens, keys: ngramKeys(tokens, n) };
  });
  const [snippet, prompt, solution] = sides;
  const itemKeys = new Set<string>();
  for (const side of [prompt, solution]) for (let p = 0; p < side.keys.count; p++) itemKeys.add(key(side.keys, p));
  const snippetKeys = new Set<string>();
  for (let p = 0; p < snippet.keys.count; p++) snippetKeys.add(key(snippet.keys, p));

  const out = {
    snippet: windowSpans(snippet.tokens, snippet.keys, n, itemKeys),
    prompt: windowSpans(prompt.tokens, prompt.keys, n, snippetKeys),
    solution: windowSpans(solution.tokens, solution.keys, n, snippetKeys),
  };
  const normalized = normalizeText(content);
  for (const field of ["prompt", "solution"] as const) {
    const f = normalizeText(item[field]);
    if (f.text.length < minChars) continue;
    let found = false;
    for (let at = normalized.text.indexOf(f.text); at !== -1; at = normalized.text.indexOf(f.text, at + 1)) {
      out.snippet.push([normalized.starts[at], normalized.ends[at + f.text.length - 1]]);
      found = true;
    }
    if (found) out[field].push([f.starts[0], f.ends[f.text.length - 1]]);
  }
  return { snippet: merge(out.snippet), prompt: merge(out.prompt), solution: merge(out.solution) };
}

function key(k: NgramKeys, p: number): string {
  return `${k.a[p]},${k.b[p]}`;
}

function windowSpans(tokens: WordTokens, keys: NgramKeys, n: number, other: Set<string>): Span[] {
  const spans: Span[] = [];
  let runStart = -1;
  let runEnd = -1;
  for (let p = 0; p < keys.count; p++) {
    if (!other.has(key(keys, p))) continue;
    if (runStart >= 0 && p <= runEnd + 1) runEnd = Math.max(runEnd, p + n - 1);
    else {
      if (runStart >= 0) spans.push([tokens.starts[runStart], tokens.ends[runEnd]]);
      runStart = p;
      runEnd = p + n - 1;
    }
  }
  if (runStart >= 0) spans.push([tokens.starts[runStart], tokens.ends[runEnd]]);
  return spans;
}

function merge(spans: Span[]): Span[] {
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}
