/**
 * The one tokenization every text metric uses (distinct-n, n-grams, openings, TF-IDF, MinHash shingles), so
 * figures agree with each other and with an independent computation: the text is lower-cased, then a token is
 * a maximal run of letters, digits and underscores (Unicode: `\p{L}`, `\p{N}`, `_`); everything else
 * (punctuation, operators, whitespace) separates tokens and is dropped. In Python: `re.findall(r"\w+",
 * text.lower())`. Code keeps its identifiers whole (`snake_case_name` is one token); `a+b` is two.
 */
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Whether the code unit at `i` of `s` (already lower-cased) continues a token; surrogate pairs are tested whole. */
function isWordCode(s: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_NUMBER.test(s.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return LETTER_OR_NUMBER.test(s.slice(i - 1, i + 1));
  return LETTER_OR_NUMBER.test(s[i]);
}

/**
 * Calls `onToken(start, end)` for every token of `lower` (a lower-cased text), in order. No strings are
 * made: MinHash hashes the code units in place, which is most of its speed.
 */
export function scanTokens(lower: string, onToken: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const word = isWordCode(lower, i, lower.charCodeAt(i));
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      onToken(start, i);
      start = -1;
    }
  }
  if (start >= 0) onToken(start, lower.length);
}

/** The tokens of a text (see the file comment). */
export function wordTokens(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  scanTokens(lower, (a, b) => out.push(lower.slice(a, b)));
  return out;
}
