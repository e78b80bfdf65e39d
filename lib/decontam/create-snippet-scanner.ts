import { CHAR_BASE, type BenchmarkIndex } from "./build-benchmark-index";
import { charTables, SPACE } from "./char-tables";
import { DECONTAM_DEFAULTS } from "./defaults";
import { ngramKeys, type NgramKeys } from "./ngram-keys";
import { emptyWordTokens, tokenizeWords, type WordTokens } from "./tokenize-words";

/** One benchmark item found in a snippet. */
export type ScanMatch = {
  /** Index into index.items. */
  item: number;
  method: "ngram" | "substring";
  /** Distinct shared n-grams, or matched normalized characters. */
  shared: number;
  /** shared / the item's indexed n-grams (or normalized characters), 0..1. */
  overlap: number;
  /** The evidence: [start, end) in the snippet — the longest contiguous run of shared n-grams, or the substring. */
  start: number;
  end: number;
};

export type SnippetScanner = {
  /** Matches of one snippet, strongest (highest overlap) first. */
  scan(content: string): ScanMatch[];
};

/**
 * A scanner over one index, reusing its buffers from snippet to snippet (no allocation per token), so a
 * million snippets scan in bounded memory. Per snippet, in O(length):
 *  1. word tokens → rolling 64-bit n-gram keys → one probe each in the index; a hit credits every item of
 *     that n-gram (each distinct n-gram once per snippet) and extends that item's run of contiguous
 *     matched windows, whose longest one becomes the evidence;
 *  2. the normalized text (lowercase, whitespace runs → one space) → a rolling hash of every window of
 *     minSubstringChars characters → candidate patterns, verified character by character.
 * An item is matched by n-grams when it shares at least `minShared` of them, else by substring when one of
 * its normalized prompt/solution occurs whole in the snippet.
 */
export function createSnippetScanner(index: BenchmarkIndex, options: { minShared?: number } = {}): SnippetScanner {
  const minShared = options.minShared ?? DECONTAM_DEFAULTS.minShared;
  const n = index.ngram;
  const nItems = index.items.length;
  const gramStamp = new Int32Array(index.gramCount);
  const itemStamp = new Int32Array(nItems);
  const itemShared = new Int32Array(nItems);
  const runStart = new Int32Array(nItems);
  const lastPos = new Int32Array(nItems);
  const bestStart = new Int32Array(nItems);
  const bestEnd = new Int32Array(nItems);
  const subStamp = new Int32Array(nItems);
  const subChars = new Int32Array(nItems);
  const subStart = new Int32Array(nItems);
  const subEnd = new Int32Array(nItems);
  const subLongest = new Int32Array(nItems);
  const patStamp = new Int32Array(index.patternCount);
  const touched: number[] = [];
  const subTouched: number[] = [];
  let tokens: WordTokens = emptyWordTokens(4096);
  let keys: NgramKeys | undefined;
  let norm = new Uint16Array(16_384);
  let normStarts = new Int32Array(16_384);
  let normEnds = new Int32Array(16_384);
  let serial = 0;
  const { cls, lower } = charTables();
  const { mask, shift, keyA, keyB, slotGram, postStart, postItems } = index;
  const K = index.minSubstringChars;

  function scanNgrams() {
    for (let p = 0; p < keys!.count; p++) {
      const a = keys!.a[p];
      const b = keys!.b[p];
      let s = a >>> shift;
      let g = slotGram[s];
      while (g !== -1 && (keyA[s] !== a || keyB[s] !== b)) {
        s = (s + 1) & mask;
        g = slotGram[s];
      }
      if (g === -1) continue;
      const from = postStart[g];
      const to = postStart[g + 1];
      if (from === to) continue;
      const fresh = gramStamp[g] !== serial;
      gramStamp[g] = serial;
      for (let j = from; j < to; j++) {
        const it = postItems[j];
        if (itemStamp[it] !== serial) {
          itemStamp[it] = serial;
          itemShared[it] = 0;
          runStart[it] = p;
          lastPos[it] = p;
          bestStart[it] = p;
          bestEnd[it] = p;
          touched.push(it);
        }
        if (fresh) itemShared[it]++;
        if (p - lastPos[it] > n) runStart[it] = p;
        lastPos[it] = p;
        if (p - runStart[it] > bestEnd[it] - bestStart[it]) {
          bestStart[it] = runStart[it];
          bestEnd[it] = p;
        }
      }
    }
  }

  function normalize(content: string): number {
    if (norm.length < content.length) {
      const size = Math.max(content.length, norm.length * 2);
      norm = new Uint16Array(size);
      normStarts = new Int32Array(size);
      normEnds = new Int32Array(size);
    }
    let len = 0;
    let pendingSpace = -1;
    for (let i = 0; i < content.length; i++) {
      const c = content.charCodeAt(i);
      if (cls[c] & SPACE) {
        if (len > 0 && pendingSpace < 0) pendingSpace = i;
        continue;
      }
      if (pendingSpace >= 0) {
        norm[len] = 32;
        normStarts[len] = pendingSpace;
        normEnds[len++] = i;
        pendingSpace = -1;
      }
      norm[len] = lower[c];
      normStarts[len] = i;
      normEnds[len++] = i + 1;
    }
    return len;
  }

  function scanSubstrings(len: number) {
    if (index.patternCount === 0 || len < K) return;
    const { prefixHead, prefixShift, patHash, patNext, patStart, patCodes, patItem, prefixPow } = index;
    let h = 0;
    for (let i = 0; i < K; i++) h = (Math.imul(h, CHAR_BASE) + norm[i]) | 0;
    for (let i = 0; ; i++) {
      for (let k = prefixHead[h >>> prefixShift]; k !== -1; k = patNext[k]) {
        if (patHash[k] !== h || patStamp[k] === serial) continue;
        const from = patStart[k];
        const length = patStart[k + 1] - from;
        if (i + length > len) continue;
        let equal = true;
        for (let j = 0; j < length; j++) {
          if (norm[i + j] !== patCodes[from + j]) {
            equal = false;
            break;
          }
        }
        if (!equal) continue;
        patStamp[k] = serial;
        const it = patItem[k];
        if (subStamp[it] !== serial) {
          subStamp[it] = serial;
          subChars[it] = 0;
          subLongest[it] = 0;
          subTouched.push(it);
        }
        subChars[it] += length;
        if (length > subLongest[it]) {
          subLongest[it] = length;
          subStart[it] = normStarts[i];
          subEnd[it] = normEnds[i + length - 1];
        }
      }
      if (i + K >= len) break;
      h = (Math.imul((h - Math.imul(norm[i], prefixPow)) | 0, CHAR_BASE) + norm[i + K]) | 0;
    }
  }

  return {
    scan(content) {
      serial++;
      touched.length = 0;
      subTouched.length = 0;
      tokens = tokenizeWords(content, tokens);
      keys = ngramKeys(tokens, n, keys);
      scanNgrams();
      scanSubstrings(normalize(content));
      const matches: ScanMatch[] = [];
      for (const it of touched) {
        if (itemShared[it] < minShared) continue;
        matches.push({
          item: it,
          method: "ngram",
          shared: itemShared[it],
          overlap: Math.min(1, itemShared[it] / Math.max(1, index.itemGrams[it])),
          start: tokens.starts[bestStart[it]],
          end: tokens.ends[bestEnd[it] + n - 1],
        });
      }
      for (const it of subTouched) {
        if (itemStamp[it] === serial && itemShared[it] >= minShared) continue;
        matches.push({ item: it, method: "substring", shared: subChars[it], overlap: Math.min(1, subChars[it] / Math.max(1, index.itemChars[it])), start: subStart[it], end: subEnd[it] });
      }
      matches.sort((x, y) => y.overlap - x.overlap || x.item - y.item);
      return matches;
    },
  };
}
