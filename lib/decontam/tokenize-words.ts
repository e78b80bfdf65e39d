import { charTables, WORD } from "./char-tables";

/**
 * Word tokens of a text with two independent 32-bit hashes each (64 bits together) and their character
 * offsets. Buffers are reused across calls when `into` is passed (the scanner tokenizes a million snippets
 * without allocating per token).
 */
export type WordTokens = {
  count: number;
  /** Start and end (exclusive) offset of token i in the text. */
  starts: Int32Array;
  ends: Int32Array;
  hashA: Int32Array;
  hashB: Int32Array;
};

export function emptyWordTokens(capacity = 1024): WordTokens {
  return { count: 0, starts: new Int32Array(capacity), ends: new Int32Array(capacity), hashA: new Int32Array(capacity), hashB: new Int32Array(capacity) };
}

/**
 * Splits text into words the way the n-gram check sees it: maximal runs of letters, digits, marks and `_`
 * (ASCII `[A-Za-z0-9_]+` plus their Unicode counterparts), lowercased. Everything else — code
 * punctuation, operators, quotes, whitespace, indentation — separates words and is otherwise ignored, so
 * reformatting a copy (`def f(a,b):` vs `def f( a, b ) :`, tabs vs spaces, case) does not hide it.
 *
 * Each token gets FNV-1a and a Murmur-style multiply-xorshift hash of its lowercased code units, both
 * finalized with Murmur3's fmix32: two independent 32-bit lanes, so an n-gram key is 64 bits.
 */
export function tokenizeWords(text: string, into: WordTokens = emptyWordTokens(Math.max(16, text.length >> 2))): WordTokens {
  const { cls, lower } = charTables();
  let out = into;
  let count = 0;
  let start = -1;
  let hA = 0;
  let hB = 0;
  const length = text.length;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? text.charCodeAt(i) : 32;
    if (i < length && cls[c] & WORD) {
      const l = lower[c];
      if (start < 0) {
        start = i;
        hA = 0x811c9dc5 | 0;
        hB = 0x9747b28c | 0;
      }
      hA = Math.imul(hA ^ l, 16777619);
      hB = Math.imul(hB ^ l, 0x5bd1e995);
      hB ^= hB >>> 13;
      continue;
    }
    if (start < 0) continue;
    if (count === out.starts.length) out = grow(out, count);
    out.starts[count] = start;
    out.ends[count] = i;
    out.hashA[count] = fmix32(hA);
    out.hashB[count] = fmix32(hB ^ (i - start));
    count++;
    start = -1;
  }
  out.count = count;
  return out;
}

function grow(t: WordTokens, count: number): WordTokens {
  const next = emptyWordTokens(Math.max(16, t.starts.length * 2));
  next.starts.set(t.starts.subarray(0, count));
  next.ends.set(t.ends.subarray(0, count));
  next.hashA.set(t.hashA.subarray(0, count));
  next.hashB.set(t.hashB.subarray(0, count));
  return next;
}

/** Murmur3's 32-bit finalizer: every input bit affects every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
