import type { WordTokens } from "./tokenize-words";

const BASE_A = 0x2f0b3a49;
const BASE_B = 0x6c8e9cf5;

export type NgramKeys = { count: number; a: Int32Array; b: Int32Array };

/**
 * The 64-bit key (two 32-bit lanes) of every word n-gram of `tokens`, position p covering tokens
 * p..p+n-1: a rolling polynomial hash mod 2^32 over the (already fmix-mixed) token hashes, O(1) per position
 * whatever n is. A polynomial hash's high bits depend on every token (its low bits only on the last ones), so
 * hash tables index by the top bits of lane A. Two different n-grams share a key with
 * probability ~2^-64: at a million snippets × hundreds of n-grams against ~10^5 benchmark n-grams, a
 * false match is not expected in practice. Buffers in `into` are reused when large enough.
 */
export function ngramKeys(tokens: WordTokens, n: number, into?: NgramKeys): NgramKeys {
  const count = Math.max(0, tokens.count - n + 1);
  let out = into;
  if (!out || out.a.length < count) out = { count: 0, a: new Int32Array(Math.max(count, 64)), b: new Int32Array(Math.max(count, 64)) };
  out.count = count;
  if (count === 0) return out;
  const ta = tokens.hashA;
  const tb = tokens.hashB;
  let powA = 1;
  let powB = 1;
  for (let i = 1; i < n; i++) {
    powA = Math.imul(powA, BASE_A);
    powB = Math.imul(powB, BASE_B);
  }
  let ga = 0;
  let gb = 0;
  for (let i = 0; i < n; i++) {
    ga = (Math.imul(ga, BASE_A) + ta[i]) | 0;
    gb = (Math.imul(gb, BASE_B) + tb[i]) | 0;
  }
  const a = out.a;
  const b = out.b;
  for (let p = 0; ; p++) {
    a[p] = ga;
    b[p] = gb;
    if (p + 1 >= count) break;
    ga = (Math.imul((ga - Math.imul(ta[p], powA)) | 0, BASE_A) + ta[p + n]) | 0;
    gb = (Math.imul((gb - Math.imul(tb[p], powB)) | 0, BASE_B) + tb[p + n]) | 0;
  }
  return out;
}
