import { bandKeysInto, makePermutations, minhashInto, type Permutations } from "./minhash";

export type SignConfig = { permutations: number; shingle: number; seed: number; bands: number; rows: number };
export type SignedBatch = { bandKeys: Int32Array; low16: Uint16Array; empty: Uint8Array };

const permsCache = new Map<string, Permutations>();

function permsFor(cfg: SignConfig): Permutations {
  const key = `${cfg.permutations}:${cfg.seed}`;
  let p = permsCache.get(key);
  if (!p) permsCache.set(key, (p = makePermutations(cfg.permutations, cfg.seed)));
  return p;
}

/**
 * MinHash signatures of a batch of documents as the near-duplicate pass keeps them: band keys (n × bands),
 * the low 16 bits of each value (n × permutations) and an empty flag. Pure and allocation-light; runs
 * inline or in a minhash thread.
 */
export function signBatch(texts: readonly string[], cfg: SignConfig): SignedBatch {
  const perms = permsFor(cfg);
  const n = texts.length;
  const bandKeys = new Int32Array(n * cfg.bands);
  const low16 = new Uint16Array(n * cfg.permutations);
  const empty = new Uint8Array(n);
  const sig = new Int32Array(cfg.permutations);
  for (let i = 0; i < n; i++) {
    if (!minhashInto(texts[i], perms, cfg.shingle, sig)) {
      empty[i] = 1;
      continue;
    }
    bandKeysInto(sig, cfg.bands, cfg.rows, bandKeys, i * cfg.bands);
    const at = i * cfg.permutations;
    for (let k = 0; k < cfg.permutations; k++) low16[at + k] = sig[k] & 0xffff;
  }
  return { bandKeys, low16, empty };
}
