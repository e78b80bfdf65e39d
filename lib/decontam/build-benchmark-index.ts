import { DECONTAM_DEFAULTS } from "./defaults";
import { ngramKeys, type NgramKeys } from "./ngram-keys";
import { normalizeText } from "./normalize-text";
import { emptyWordTokens, tokenizeWords, type WordTokens } from "./tokenize-words";

/** A benchmark item as the index needs it (ids are the database's, carried into the matches). */
export type IndexInputItem = { id: number; benchmarkId: number; taskId: string; prompt: string; solution: string };

export type IndexOptions = {
  /** Word n-gram size (default 13). */
  ngram?: number;
  /** Shortest normalized prompt/solution (characters) the substring check looks for (default 50). */
  minSubstringChars?: number;
  /**
   * An n-gram found in more than max(3, this share of the items) is boilerplate, not evidence (say MBPP's
   * "write a python function to …" at small n), and is left out of the index (default 0.01).
   */
  maxItemShare?: number;
};

/**
 * Every benchmark item's word n-grams (prompt and solution, each on its own) in one open-addressing hash
 * table of 64-bit keys in typed arrays (~12 bytes a slot at ≤ 50 % load, plus a CSR list of items per
 * n-gram), and the normalized prompts/solutions of at least `minSubstringChars` for the substring check,
 * found by a rolling hash of their first `minSubstringChars` characters. HumanEval + MBPP take ~2 MB.
 */
export type BenchmarkIndex = {
  ngram: number;
  minSubstringChars: number;
  /** n-grams in more items than this were dropped. */
  maxItemsPerNgram: number;
  items: { id: number; benchmarkId: number; taskId: string }[];
  /** Distinct indexed n-grams of each item (the denominator of its overlap). */
  itemGrams: Int32Array;
  /** Normalized characters of each item's prompt + solution (the denominator of a substring overlap). */
  itemChars: Int32Array;
  gramCount: number;
  droppedGrams: number;
  mask: number;
  /** 32 - log2(table size): a key's home slot is its lane A's top bits, `a >>> shift`. */
  shift: number;
  keyA: Int32Array;
  keyB: Int32Array;
  /** Gram id in each slot, -1 when empty. */
  slotGram: Int32Array;
  /** Items of gram g: postItems[postStart[g] .. postStart[g + 1]) (empty for a dropped gram). */
  postStart: Int32Array;
  postItems: Int32Array;
  /** Substring patterns: codes of pattern k at patCodes[patStart[k] .. patStart[k + 1]). */
  patternCount: number;
  patCodes: Uint16Array;
  patStart: Int32Array;
  patItem: Int32Array;
  /** Hash of each pattern's first minSubstringChars codes; table of heads by hash, chained by patNext. */
  patHash: Int32Array;
  patNext: Int32Array;
  /** 32 - log2(prefix table size): a prefix hash's slot is its top bits. */
  prefixShift: number;
  prefixHead: Int32Array;
  /** CHAR_BASE^(minSubstringChars - 1) mod 2^32, for rolling. */
  prefixPow: number;
  bytes: number;
};

export const CHAR_BASE = 0x5bd1e995;

export function buildBenchmarkIndex(input: readonly IndexInputItem[], options: IndexOptions = {}): BenchmarkIndex {
  const ngram = options.ngram ?? DECONTAM_DEFAULTS.ngram;
  const minSubstringChars = options.minSubstringChars ?? DECONTAM_DEFAULTS.minSubstringChars;
  const maxItemShare = options.maxItemShare ?? DECONTAM_DEFAULTS.maxItemShare;
  if (!Number.isInteger(ngram) || ngram < 1) throw new Error(`ngram must be a positive integer, got ${ngram}`);
  if (!Number.isInteger(minSubstringChars) || minSubstringChars < 8) throw new Error(`minSubstringChars must be an integer ≥ 8, got ${minSubstringChars}`);
  const nItems = input.length;
  const maxItemsPerNgram = Math.max(3, Math.ceil(maxItemShare * nItems));

  // Pass 1: keys of every field, to size the table once.
  let tokens: WordTokens = emptyWordTokens();
  const fieldKeys: NgramKeys[] = [];
  let totalKeys = 0;
  for (const item of input) {
    for (const text of [item.prompt, item.solution]) {
      tokens = tokenizeWords(text, tokens);
      const keys = ngramKeys(tokens, ngram);
      fieldKeys.push({ count: keys.count, a: keys.a.slice(0, keys.count), b: keys.b.slice(0, keys.count) });
      totalKeys += keys.count;
    }
  }
  let capacity = 16;
  while (capacity < totalKeys * 2) capacity *= 2;
  const mask = capacity - 1;
  const shift = 32 - Math.log2(capacity);
  const keyA = new Int32Array(capacity);
  const keyB = new Int32Array(capacity);
  const slotGram = new Int32Array(capacity).fill(-1);
  const gramItems: number[][] = [];
  for (let it = 0; it < nItems; it++) {
    for (let f = 0; f < 2; f++) {
      const { count, a, b } = fieldKeys[it * 2 + f];
      for (let p = 0; p < count; p++) {
        let s = a[p] >>> shift;
        while (slotGram[s] !== -1 && (keyA[s] !== a[p] || keyB[s] !== b[p])) s = (s + 1) & mask;
        let g = slotGram[s];
        if (g === -1) {
          g = gramItems.length;
          gramItems.push([]);
          slotGram[s] = g;
          keyA[s] = a[p];
          keyB[s] = b[p];
        }
        const list = gramItems[g];
        if (list[list.length - 1] !== it) list.push(it);
      }
    }
  }

  const gramCount = gramItems.length;
  const postStart = new Int32Array(gramCount + 1);
  let droppedGrams = 0;
  let postings = 0;
  for (let g = 0; g < gramCount; g++) {
    if (gramItems[g].length > maxItemsPerNgram) droppedGrams++;
    else postings += gramItems[g].length;
  }
  const postItems = new Int32Array(postings);
  const itemGrams = new Int32Array(nItems);
  let at = 0;
  for (let g = 0; g < gramCount; g++) {
    postStart[g] = at;
    const list = gramItems[g];
    if (list.length > maxItemsPerNgram) continue;
    for (const it of list) {
      postItems[at++] = it;
      itemGrams[it]++;
    }
  }
  postStart[gramCount] = at;

  // Substring patterns.
  const itemChars = new Int32Array(nItems);
  const patterns: { item: number; codes: string }[] = [];
  for (let it = 0; it < nItems; it++) {
    for (const text of [input[it].prompt, input[it].solution]) {
      const normalized = normalizeText(text).text;
      itemChars[it] += normalized.length;
      if (normalized.length >= minSubstringChars) patterns.push({ item: it, codes: normalized });
    }
  }
  const patternCount = patterns.length;
  const patStart = new Int32Array(patternCount + 1);
  const patItem = new Int32Array(patternCount);
  let codeTotal = 0;
  for (let k = 0; k < patternCount; k++) {
    patStart[k] = codeTotal;
    patItem[k] = patterns[k].item;
    codeTotal += patterns[k].codes.length;
  }
  patStart[patternCount] = codeTotal;
  const patCodes = new Uint16Array(codeTotal);
  for (let k = 0; k < patternCount; k++) {
    const s = patterns[k].codes;
    const base = patStart[k];
    for (let i = 0; i < s.length; i++) patCodes[base + i] = s.charCodeAt(i);
  }
  let prefixSlots = 16;
  while (prefixSlots < patternCount * 4) prefixSlots *= 2;
  const prefixShift = 32 - Math.log2(prefixSlots);
  const prefixHead = new Int32Array(prefixSlots).fill(-1);
  const patHash = new Int32Array(patternCount);
  const patNext = new Int32Array(patternCount).fill(-1);
  let prefixPow = 1;
  for (let i = 1; i < minSubstringChars; i++) prefixPow = Math.imul(prefixPow, CHAR_BASE);
  for (let k = 0; k < patternCount; k++) {
    let h = 0;
    for (let i = 0; i < minSubstringChars; i++) h = (Math.imul(h, CHAR_BASE) + patCodes[patStart[k] + i]) | 0;
    patHash[k] = h;
    const slot = h >>> prefixShift;
    patNext[k] = prefixHead[slot];
    prefixHead[slot] = k;
  }

  const bytes = capacity * 12 + postStart.byteLength + postItems.byteLength + itemGrams.byteLength * 2 + patCodes.byteLength + patStart.byteLength * 4 + prefixHead.byteLength;
  return {
    ngram,
    minSubstringChars,
    maxItemsPerNgram,
    items: input.map(({ id, benchmarkId, taskId }) => ({ id, benchmarkId, taskId })),
    itemGrams,
    itemChars,
    gramCount,
    droppedGrams,
    mask,
    shift,
    keyA,
    keyB,
    slotGram,
    postStart,
    postItems,
    patternCount,
    patCodes,
    patStart,
    patItem,
    patHash,
    patNext,
    prefixShift,
    prefixHead,
    prefixPow,
    bytes,
  };
}
