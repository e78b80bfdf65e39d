import { describe, expect, it } from "vitest";
import { rocAuc } from "@/lib/metrics/roc-auc";
import { seededRandom } from "@/lib/metrics/seeded-random";
import { predictProba } from "./predict-proba";
import { serializeForest } from "./serialize-forest";
import { trainForest } from "./train-forest";
import { DEFAULT_FOREST_PARAMS, type ForestParams } from "./types";

type Data = { X: Float32Array; y: Uint8Array; nRows: number; nFeatures: number };

/** nRows rows of nFeatures uniform(−1, 1) features, labelled by `label`, from a fixed seed. */
function dataset(nRows: number, nFeatures: number, seed: number, label: (row: Float32Array, random: () => number) => number): Data {
  const random = seededRandom(seed);
  const X = new Float32Array(nRows * nFeatures);
  const y = new Uint8Array(nRows);
  for (let r = 0; r < nRows; r++) {
    const row = X.subarray(r * nFeatures, (r + 1) * nFeatures);
    for (let f = 0; f < nFeatures; f++) row[f] = 2 * random.float() - 1;
    y[r] = label(row, random.float);
  }
  return { X, y, nRows, nFeatures };
}

function params(overrides: Partial<ForestParams> = {}): ForestParams {
  return { ...DEFAULT_FOREST_PARAMS, trees: 30, ...overrides };
}

async function heldOutAuc(train: Data, test: Data, p: ForestParams, threads = 1) {
  const result = await trainForest({ ...train, params: p, threads });
  const proba = predictProba(result.forest, test.X, test.nRows);
  return { auc: rocAuc(test.y, proba)!, proba, result };
}

describe("trainForest on data with known answers", () => {
  it("separates linearly separable data (AUC ≈ 1) and ranks the informative feature first", async () => {
    const rule = (row: Float32Array) => (row[2] > 0.3 ? 1 : 0);
    const { auc, result } = await heldOutAuc(dataset(1500, 6, 1, rule), dataset(500, 6, 2, rule), params());
    expect(auc).toBeGreaterThan(0.995);
    expect(result.oob.rocAuc).toBeGreaterThan(0.99);
    expect(result.oob.accuracy).toBeGreaterThan(0.97);
    expect(result.oob.coverage).toBe(1);
    const ranked = [...result.importances.keys()].sort((a, b) => result.importances[b] - result.importances[a]);
    expect(ranked[0]).toBe(2);
    expect(result.importances.reduce((a, b) => a + b)).toBeCloseTo(1, 9);
  });

  it("learns XOR, which no single greedy stump can (forest of depth ≥ 2: AUC > 0.95; stumps: ≈ 0.5)", async () => {
    const xor = (row: Float32Array) => ((row[0] > 0) !== (row[1] > 0) ? 1 : 0);
    const train = dataset(2000, 4, 3, xor);
    const test = dataset(1000, 4, 4, xor);
    // maxFeatures 2: a split on a noise feature must not crowd out the two that matter too often.
    const deep = await heldOutAuc(train, test, params({ maxFeatures: 2 }));
    expect(deep.auc).toBeGreaterThan(0.95);
    const stumps = await heldOutAuc(train, test, params({ maxFeatures: 2, maxDepth: 1 }));
    expect(Math.abs(stumps.auc - 0.5)).toBeLessThan(0.1);
    expect(stumps.result.forest.feature.length).toBe(3 * 30);
  });

  it("scores pure noise at held-out AUC ≈ 0.5", async () => {
    const coin = (_row: Float32Array, random: () => number) => (random() < 0.5 ? 1 : 0);
    const { auc, result } = await heldOutAuc(dataset(2000, 10, 5, coin), dataset(1000, 10, 6, coin), params());
    expect(Math.abs(auc - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(result.oob.rocAuc! - 0.5)).toBeLessThan(0.1);
  });

  it("class weights shift probabilities toward the rare class on imbalanced data", async () => {
    // ~10% positives, overlapping with the negatives.
    const rare = (row: Float32Array, random: () => number) => (row[0] + 0.8 * (random() - 0.5) > 0.75 ? 1 : 0);
    const train = dataset(3000, 4, 7, rare);
    const test = dataset(1000, 4, 8, rare);
    const share = train.y.reduce((a, b) => a + b, 0) / train.nRows;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.15);
    const mean = (p: Float32Array) => p.reduce((a, b) => a + b, 0) / p.length;
    // Leaves as min-samples-leaf 20 keep mixed nodes, where class weights decide the probability.
    const balanced = await heldOutAuc(train, test, params({ classWeight: "balanced", minSamplesLeaf: 20 }));
    const plain = await heldOutAuc(train, test, params({ classWeight: null, minSamplesLeaf: 20 }));
    expect(mean(plain.proba)).toBeCloseTo(share, 1);
    expect(mean(balanced.proba)).toBeGreaterThan(mean(plain.proba) + 0.05);
    expect(balanced.auc).toBeGreaterThan(0.85);
  });

  it("sends NaN right, the same in training (last bin) and prediction", async () => {
    const withNaN = (n: number, seed: number) => {
      const d = dataset(n, 3, seed, (row) => (row[1] > 0 ? 1 : 0));
      for (let r = 0; r < n; r++) if (d.y[r] === 1) d.X[r * 3 + 1] = Number.NaN;
      return d;
    };
    const { auc } = await heldOutAuc(withNaN(1000, 9), withNaN(400, 10), params({ trees: 10 }));
    expect(auc).toBeGreaterThan(0.99);
  });

  it("honours minSamplesLeaf and maxDepth", async () => {
    const rule = (row: Float32Array, random: () => number) => (row[0] + row[1] + random() > 0.5 ? 1 : 0);
    const train = dataset(800, 3, 11, rule);
    const full = await trainForest({ ...train, params: params({ trees: 5 }), threads: 1 });
    const coarse = await trainForest({ ...train, params: params({ trees: 5, minSamplesLeaf: 40 }), threads: 1 });
    expect(coarse.forest.feature.length * 5).toBeLessThan(full.forest.feature.length);
    // 800 rows hold ~505 distinct in-bag rows: at least 40 per leaf allows at most 12 leaves (23 nodes).
    for (let t = 0; t < 5; t++) {
      const end = t + 1 < 5 ? coarse.forest.roots[t + 1] : coarse.forest.feature.length;
      expect(end - coarse.forest.roots[t]).toBeLessThanOrEqual(2 * Math.floor(800 / 40) - 1);
    }
    const shallow = await trainForest({ ...train, params: params({ trees: 5, maxDepth: 2 }), threads: 1 });
    expect(shallow.forest.feature.length).toBeLessThanOrEqual(5 * 7);
  });

  it("reports no OOB estimate without bootstrap", async () => {
    const result = await trainForest({ ...dataset(300, 3, 12, (row) => (row[0] > 0 ? 1 : 0)), params: params({ trees: 3, bootstrap: false }), threads: 1 });
    expect(result.oob).toEqual({ rocAuc: null, accuracy: null, coverage: 0 });
  });

  it("rejects bad input with a clear message", async () => {
    const d = dataset(10, 2, 13, (row) => (row[0] > 0 ? 1 : 0));
    await expect(trainForest({ ...d, y: d.y.subarray(0, 9), params: params() })).rejects.toThrow(/9 labels for 10 rows/);
    await expect(trainForest({ ...d, nFeatures: 3, params: params() })).rejects.toThrow(/nRows × nFeatures/);
    await expect(trainForest({ ...d, params: params({ trees: 0 }) })).rejects.toThrow(/trees must be/);
    await expect(trainForest({ ...d, params: params({ maxFeatures: 1.5 }) })).rejects.toThrow(/integer count/);
  });
});

describe("trainForest reproducibility and threads", () => {
  const rule = (row: Float32Array, random: () => number) => (row[0] - row[3] + 0.5 * random() > 0.2 ? 1 : 0);
  const data = dataset(1200, 8, 21, rule);

  it("gives byte-identical forests for the same seed, in one thread or in two workers", async () => {
    const progress: number[] = [];
    const a = await trainForest({ ...data, params: params({ trees: 12, seed: 5 }), threads: 1 });
    const b = await trainForest({ ...data, params: params({ trees: 12, seed: 5 }), threads: 2, onProgress: (done, total) => progress.push(done / total) });
    const c = await trainForest({ ...data, params: params({ trees: 12, seed: 6 }), threads: 1 });
    expect(Buffer.from(serializeForest(b.forest)).equals(Buffer.from(serializeForest(a.forest)))).toBe(true);
    expect(b.oob).toEqual(a.oob);
    expect(b.importances).toEqual(a.importances);
    expect(Buffer.from(serializeForest(c.forest)).equals(Buffer.from(serializeForest(a.forest)))).toBe(false);
    expect(progress).toHaveLength(12);
    expect(progress.at(-1)).toBe(1);
  });

  it("stops when the signal aborts, rejecting with its reason", async () => {
    const before = new AbortController();
    before.abort(new Error("cancelled before"));
    await expect(trainForest({ ...data, params: params(), threads: 1, signal: before.signal })).rejects.toThrow("cancelled before");

    for (const threads of [1, 2]) {
      const controller = new AbortController();
      let seen = 0;
      const run = trainForest({
        ...data,
        params: params({ trees: 400 }),
        threads,
        signal: controller.signal,
        onProgress: (done) => {
          seen = done;
          if (done === 3) controller.abort(new Error(`cancelled in ${threads}`));
        },
      });
      await expect(run).rejects.toThrow(`cancelled in ${threads}`);
      expect(seen).toBeLessThan(400);
    }
  });
});
