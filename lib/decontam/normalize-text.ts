import { charTables, SPACE } from "./char-tables";

export type NormalizedText = {
  /** Lowercased, every whitespace run one space, no leading or trailing space. */
  text: string;
  /** For each character of `text`, the index in the original string where it starts. */
  starts: Int32Array;
  /** For each character of `text`, the index just past it in the original (a space spans its whole run). */
  ends: Int32Array;
};

/**
 * The normalization of the substring check: lowercase, collapse every whitespace run (spaces, tabs,
 * newlines, indentation) to one space, trim. Punctuation is kept, so `a+b` and `a + b` differ here (the
 * word n-gram check, which ignores punctuation, catches those). With offsets back into the original, so a
 * match found in normalized text can be shown (highlighted) in the original.
 */
export function normalizeText(input: string): NormalizedText {
  const { cls, lower } = charTables();
  const codes = new Uint16Array(input.length);
  const starts = new Int32Array(input.length);
  const ends = new Int32Array(input.length);
  let n = 0;
  let pendingSpace = -1;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (cls[c] & SPACE) {
      if (n > 0 && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      codes[n] = 32;
      starts[n] = pendingSpace;
      ends[n++] = i;
      pendingSpace = -1;
    }
    codes[n] = lower[c];
    starts[n] = i;
    ends[n++] = i + 1;
  }
  let text = "";
  for (let i = 0; i < n; i += 8192) text += String.fromCharCode(...codes.subarray(i, Math.min(n, i + 8192)));
  return { text, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}
