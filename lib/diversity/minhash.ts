import { scanTokens } from "./word-tokens";

/**
 * MinHash signatures (Broder 1997) over word shingles, built for speed in JavaScript with 32-bit integer
 * arithmetic only (Math.imul, no BigInt, no strings per token):
 *   - tokens as in word-tokens.ts, each hashed in place with FNV-1a over its code units, then mixed
 *     (murmur3's fmix32);
 *   - a shingle is `shingle` consecutive tokens (default 5), hashed order-sensitively from its tokens'
 *     hashes (a document with fewer tokens is one shingle of all of them; one without tokens has none);
 *   - permutation k maps a shingle hash x to mix(imul(x ^ b_k, a_k)) with seeded random a_k (odd) and b_k: a
 *     bijection of the 32-bit space per k, so the minimum is a min-wise sample. Measured estimation error on
 *     random sets is the theoretical sqrt(J(1-J)/k) (the tests check it).
 * 32-bit shingle hashes and values, as datasketch: two different shingles of a pair collide with
 * probability 2^-32 per permutation, negligible next to the sampling error of 128 permutations.
 */
export type Permutations = { a: Int32Array; b: Int32Array };

export const DEFAULT_PERMUTATIONS = 128;
export const DEFAULT_SHINGLE = 5;

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Seeded permutation constants; the same (count, seed) always gives the same signatures. */
export function makePermutations(count = DEFAULT_PERMUTATIONS, seed = 1): Permutations {
  if (!Number.isInteger(count) || count < 1 || count > 1024) throw new Error(`permutations must be an integer in 1..1024, got ${count}`);
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  let s = fmix32(seed ^ 0x9e3779b9) | 0;
  const next = () => (s = fmix32((s + 0x6d2b79f5) | 0));
  for (let k = 0; k < count; k++) {
    a[k] = next() | 1;
    b[k] = next();
  }
  return { a, b };
}

/**
 * The signature of one document into `out` (length = permutations), as signed 32-bit values. Returns
 * false when the document has no token (its signature is meaningless; callers leave it out).
 */
export function minhashInto(text: string, perms: Permutations, shingle: number, out: Int32Array): boolean {
  const { a, b } = perms;
  const k = a.length;
  out.fill(0x7fffffff);
  const lower = text.toLowerCase();
  const ring = new Int32Array(shingle);
  let count = 0;
  const add = (x: number) => {
    for (let j = 0; j < k; j++) {
      let v = Math.imul(x ^ b[j], a[j]);
      v ^= v >>> 15;
      if (v < out[j]) out[j] = v;
    }
  };
  const shingleHash = (upTo: number, len: number) => {
    // Tokens upTo-len+1 .. upTo, oldest first.
    let h = 0x2f6b1c3d ^ len;
    for (let t = upTo - len + 1; t <= upTo; t++) h = Math.imul(((h << 5) | (h >>> 27)) ^ ring[t % shingle], 0x9e3779b1);
    return fmix32(h);
  };
  scanTokens(lower, (start, end) => {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ lower.charCodeAt(i), 0x01000193);
    ring[count % shingle] = fmix32(h);
    if (count >= shingle - 1) add(shingleHash(count, shingle));
    count++;
  });
  if (count === 0) return false;
  if (count < shingle) add(shingleHash(count - 1, count));
  return true;
}

/** A new signature, or null for a document without tokens. */
export function minhashSignature(text: string, perms: Permutations, shingle = DEFAULT_SHINGLE): Int32Array | null {
  const out = new Int32Array(perms.a.length);
  return minhashInto(text, perms, shingle, out) ? out : null;
}

/** Share of permutations whose minimum agrees: an unbiased estimate of the Jaccard similarity of the shingle sets. */
export function estimatedJaccard(x: Int32Array, y: Int32Array, offsetX = 0, offsetY = 0, length = x.length - offsetX): number {
  let same = 0;
  for (let j = 0; j < length; j++) if (x[offsetX + j] === y[offsetY + j]) same++;
  return same / length;
}

/**
 * LSH band keys of a signature: band i hashes rows i·r … i·r+r-1 into 32 bits, written at out[at + i].
 * Two documents become candidates when any band key agrees. (A 32-bit key collides by chance with
 * probability 2^-32 per pair and band; such pairs fail the verification that follows.)
 */
export function bandKeysInto(sig: Int32Array, bands: number, rows: number, out: Int32Array, at: number): void {
  for (let i = 0; i < bands; i++) {
    let h = 0x3c6ef372 ^ i;
    for (let r = i * rows, end = r + rows; r < end; r++) h = Math.imul(((h << 7) | (h >>> 25)) ^ sig[r], 0x85ebca77);
    out[at + i] = fmix32(h);
  }
}
