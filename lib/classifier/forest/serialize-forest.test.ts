import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/metrics/seeded-random";
import { predictProba } from "./predict-proba";
import { deserializeForest, serializeForest } from "./serialize-forest";
import { trainForest } from "./train-forest";
import { DEFAULT_FOREST_PARAMS } from "./types";

async function smallForest(nFeatures = 5) {
  const random = seededRandom(31);
  const nRows = 400;
  const X = Float32Array.from({ length: nRows * nFeatures }, () => random.float());
  const y = Uint8Array.from({ length: nRows }, (_, r) => (X[r * nFeatures] + X[r * nFeatures + 1] > 1 ? 1 : 0));
  const { forest } = await trainForest({ X, nRows, nFeatures, y, params: { ...DEFAULT_FOREST_PARAMS, trees: 8 }, threads: 1 });
  return { forest, X, nRows };
}

describe("serializeForest / deserializeForest", () => {
  it("round-trips to identical arrays and identical predictions", async () => {
    const { forest, X, nRows } = await smallForest();
    const bytes = serializeForest(forest);
    const back = deserializeForest(bytes);
    expect(back).toEqual(forest);
    expect(predictProba(back, X, nRows)).toEqual(predictProba(forest, X, nRows));
    // 24-byte header, 4 per root, 10 per node (Int32 child, Float32 value, Int16 feature).
    expect(bytes.length).toBe(24 + 4 * 8 + 10 * forest.feature.length);
  });

  it("reads an artifact at an unaligned offset of a larger buffer", async () => {
    const { forest } = await smallForest();
    const bytes = serializeForest(forest);
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(deserializeForest(padded.subarray(3))).toEqual(forest);
  });

  it("uses Int32 feature indices past 32,767 features", () => {
    const forest = { nFeatures: 40_000, roots: Int32Array.of(0), feature: Int32Array.of(39_999, -1, -1), value: Float32Array.of(0.5, 0.25, 1), left: Int32Array.of(1, -1, -1) };
    const back = deserializeForest(serializeForest(forest));
    expect(back).toEqual(forest);
    const X = new Float32Array(40_000);
    X[39_999] = 0.7;
    expect(predictProba(back, X, 1)[0]).toBe(1);
  });

  it("rejects a bad artifact with a message saying what is wrong", async () => {
    const bytes = serializeForest((await smallForest()).forest);
    expect(() => deserializeForest(bytes.subarray(0, 10))).toThrow(/shorter than the 24-byte header/);
    expect(() => deserializeForest(bytes.subarray(0, bytes.length - 7))).toThrow(/truncated or corrupted/);
    expect(() => deserializeForest(new TextEncoder().encode("PK\u0003\u0004 definitely a zip file, not a forest"))).toThrow(/wrong magic bytes/);
    const newer = bytes.slice();
    newer[4] = 2;
    expect(() => deserializeForest(newer)).toThrow(/format version 2/);
    const flipped = bytes.slice();
    flipped[bytes.length - 5] ^= 0x40;
    expect(() => deserializeForest(flipped)).toThrow(/checksum mismatch/);
  });

  it("rejects a well-formed file whose structure would break prediction", () => {
    const cyclic = { nFeatures: 2, roots: Int32Array.of(0), feature: Int32Array.of(0, -1, -1), value: Float32Array.of(0.5, 0, 1), left: Int32Array.of(0, -1, -1) };
    expect(() => deserializeForest(serializeForest(cyclic))).toThrow(/node 0 has children 0, 1 outside its tree/);
    const unknownFeature = { ...cyclic, feature: Int32Array.of(7, -1, -1), left: Int32Array.of(1, -1, -1) };
    expect(() => deserializeForest(serializeForest(unknownFeature))).toThrow(/feature 7 of 2/);
    const badLeaf = { ...cyclic, left: Int32Array.of(1, -1, -1), value: Float32Array.of(0.5, 3, 1) };
    expect(() => deserializeForest(serializeForest(badLeaf))).toThrow(/leaf 1 has probability 3/);
  });
});
