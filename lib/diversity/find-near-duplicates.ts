import { UnionFind } from "./union-find";

/**
 * Signatures of a whole set as LSH needs them: `bandKeys` (n × bands, see bandKeysInto) and the low 16 bits
 * of every MinHash value (n × permutations; b-bit MinHash, Li & König 2010), which keeps 256 bytes per
 * document at 128 permutations instead of 512 and still estimates Jaccard without measurable bias (two
 * different minima agree on their low 16 bits with probability 2^-16, corrected for below). `empty[i]` = 1
 * for a document without tokens: it is never paired.
 */
export type SignatureSet = { n: number; bands: number; permutations: number; bandKeys: Int32Array; low16: Uint16Array; empty: Uint8Array };

export type NearDupPair = { a: number; b: number; similarity: number };
export type NearDupResult = {
  /** Clusters of ≥ 2 documents (indices, ascending), largest first. */
  clusters: number[][];
  /** Verified pairs (estimated Jaccard ≥ threshold), a < b. */
  pairs: NearDupPair[];
  candidates: number;
};

const CHANCE = 2 ** -16;

/** Estimated Jaccard of documents i and j from their 16-bit values, corrected for chance agreement. */
export function lowBitsJaccard(low16: Uint16Array, permutations: number, i: number, j: number): number {
  let same = 0;
  const oi = i * permutations;
  const oj = j * permutations;
  for (let k = 0; k < permutations; k++) if (low16[oi + k] === low16[oj + k]) same++;
  return Math.max(0, (same / permutations - CHANCE) / (1 - CHANCE));
}

/** Buckets up to this size pair every member; larger ones (many copies of one boilerplate) pair each member with the first and the next. */
const FULL_PAIRING_MAX = 16;

/**
 * LSH: documents sharing a band key are candidates; candidates whose estimated Jaccard (all permutations)
 * is ≥ threshold are near-duplicates; union-find joins them into clusters (transitively: a chain of
 * edited copies is one cluster). Per band the keys are sorted (packed with the document index into one
 * float64, exact below 2^21 documents; a comparator sort above), so memory stays at the signatures.
 */
export function findNearDuplicates(set: SignatureSet, threshold: number, onProgress?: (band: number) => void): NearDupResult {
  const { n, bands, permutations, bandKeys, low16, empty } = set;
  const seen = new Set<number>();
  const pairs: NearDupPair[] = [];
  const uf = new UnionFind(n);
  let candidates = 0;
  const consider = (x: number, y: number) => {
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const key = a * n + b;
    if (seen.has(key)) return;
    seen.add(key);
    candidates++;
    const similarity = lowBitsJaccard(low16, permutations, a, b);
    if (similarity >= threshold) {
      pairs.push({ a, b, similarity });
      uf.union(a, b);
    }
  };
  const active: number[] = [];
  for (let i = 0; i < n; i++) if (!empty[i]) active.push(i);
  const m = active.length;
  const packed = n < 2 ** 21 ? new Float64Array(m) : null;
  const order = packed ? null : new Uint32Array(m);
  const group: number[] = [];
  const flush = () => {
    if (group.length >= 2) {
      if (group.length <= FULL_PAIRING_MAX) {
        for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) consider(group[x], group[y]);
      } else {
        for (let x = 1; x < group.length; x++) {
          consider(group[0], group[x]);
          consider(group[x - 1], group[x]);
        }
      }
    }
    group.length = 0;
  };
  for (let band = 0; band < bands; band++) {
    const keyOf = (i: number) => bandKeys[i * bands + band] >>> 0;
    let last = -1;
    if (packed) {
      for (let x = 0; x < m; x++) packed[x] = keyOf(active[x]) * 2 ** 21 + active[x];
      packed.sort();
      for (let x = 0; x < m; x++) {
        const key = Math.floor(packed[x] / 2 ** 21);
        if (key !== last) flush();
        last = key;
        group.push(packed[x] - key * 2 ** 21);
      }
    } else {
      for (let x = 0; x < m; x++) order![x] = active[x];
      order!.sort((p, q) => keyOf(p) - keyOf(q) || p - q);
      for (let x = 0; x < m; x++) {
        const key = keyOf(order![x]);
        if (key !== last) flush();
        last = key;
        group.push(order![x]);
      }
    }
    flush();
    onProgress?.(band + 1);
  }
  const byRoot = new Map<number, number[]>();
  for (const { a, b } of pairs) {
    for (const i of [a, b]) {
      const r = uf.find(i);
      let c = byRoot.get(r);
      if (!c) byRoot.set(r, (c = []));
      c.push(i);
    }
  }
  const clusters = [...byRoot.values()].map((c) => [...new Set(c)].sort((x, y) => x - y)).sort((x, y) => y.length - x.length || x[0] - y[0]);
  return { clusters, pairs, candidates };
}
