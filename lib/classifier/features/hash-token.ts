/**
 * 32-bit hashes for the feature extractor. Tokens are hashed from char codes as they are scanned, so no
 * string is allocated per token; these helpers hash whole strings the same way (for the word tables).
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of `text` with ASCII letters lowercased — identical to the extractor's inline token hash. */
export function hashLower(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h >>> 0;
}

/** murmur3's finalizer: spreads FNV's weak low bits before a hash picks a bucket and a sign. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * An open-addressing table from a token hash to a small code (1..255), built once. Lookups during the
 * scan cost a multiply and a probe or two instead of a Map lookup on an allocated string.
 */
export class HashTable {
  readonly keys: Uint32Array;
  readonly codes: Uint8Array;
  readonly mask: number;

  constructor(entries: readonly (readonly [string, number])[], bits = 10) {
    const size = 1 << bits;
    if (entries.length * 2 > size) throw new Error("hash table too small");
    this.keys = new Uint32Array(size);
    this.codes = new Uint8Array(size);
    this.mask = size - 1;
    for (const [word, code] of entries) {
      if (code < 1 || code > 255) throw new Error(`code out of range for "${word}"`);
      const h = hashLower(word);
      let slot = (h ^ (h >>> 15)) & this.mask;
      while (this.codes[slot] !== 0 && this.keys[slot] !== h) slot = (slot + 1) & this.mask;
      this.keys[slot] = h;
      this.codes[slot] = code;
    }
  }

  /** The code of a token hash, 0 when absent. */
  get(h: number): number {
    let slot = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const code = this.codes[slot];
      if (code === 0) return 0;
      if (this.keys[slot] === h) return code;
      slot = (slot + 1) & this.mask;
    }
  }
}
