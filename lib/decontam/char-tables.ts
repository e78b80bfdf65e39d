/**
 * Per-UTF-16-code-unit lookup tables shared by the word tokenizer and the substring normalizer, so both
 * sides of a comparison (benchmark item and snippet) classify and lowercase every character identically,
 * and the hot loops do one array read instead of a regex per character.
 *
 * - WORD: ASCII letters, digits and `_`, plus any other code unit that is a Unicode letter, number or mark.
 * - SPACE: whatever JavaScript's `\s` matches (space, tab, newlines, NBSP, U+2028, BOM…).
 * - Everything else (code punctuation, operators, quotes, lone surrogates) is neither.
 * - LOWER: the code unit lowercased when its lowercase is a single code unit, else itself.
 */
export const WORD = 1;
export const SPACE = 2;

export type CharTables = { cls: Uint8Array; lower: Uint16Array };

let tables: CharTables | null = null;

/** Built on first use (~15 ms): 65,536 entries each. */
export function charTables(): CharTables {
  if (tables) return tables;
  const cls = new Uint8Array(65536);
  const lower = new Uint16Array(65536);
  const word = /^[\p{L}\p{N}\p{M}_]$/u;
  const space = /^\s$/;
  for (let c = 0; c < 65536; c++) {
    lower[c] = c;
    if (c < 128) {
      if (c >= 65 && c <= 90) lower[c] = c + 32;
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) cls[c] = WORD;
      else if (c === 32 || (c >= 9 && c <= 13)) cls[c] = SPACE;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (space.test(ch)) cls[c] = SPACE;
    else if (word.test(ch)) cls[c] = WORD;
    const lc = ch.toLowerCase();
    if (lc.length === 1) lower[c] = lc.charCodeAt(0);
  }
  tables = { cls, lower };
  return tables;
}
