/**
 * A small seeded PRNG (sfc32 seeded through a murmur3 finalizer) for everything that must be reproducible:
 * fold assignment, bootstrap samples, feature subsets. `stream` gives independent sequences from one seed
 * (the forest seeds tree i with (seed, i), so a tree does not depend on which thread grew it).
 */
export type SeededRandom = {
  /** Uniform unsigned 32-bit integer. */
  uint32(): number;
  /** Uniform integer in [0, n), n ≤ 2^32. */
  int(n: number): number;
  /** Uniform float in [0, 1). */
  float(): number;
};

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function seededRandom(seed: number, stream = 0): SeededRandom {
  const s = Math.trunc(seed);
  // Both halves of the seed count, so seeds above 2^32 are not silently folded together.
  const lo = s >>> 0;
  const hi = Math.floor(s / 0x1_0000_0000) >>> 0;
  let a = fmix32(lo ^ 0x9e3779b9);
  let b = fmix32(hi ^ Math.imul(stream >>> 0, 0x85ebca6b) ^ 0x6a09e667);
  let c = fmix32((stream >>> 0) ^ 0xbb67ae85 ^ a);
  let d = 1;
  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // sfc32's first outputs are weakly mixed: discard a few, as its author recommends.
  for (let i = 0; i < 12; i++) uint32();
  return {
    uint32,
    int: (n) => Math.floor((uint32() / 0x1_0000_0000) * n),
    float: () => uint32() / 0x1_0000_0000,
  };
}
