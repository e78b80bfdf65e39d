/**
 * Forest training: our random forest (lib/classifier/forest, worker threads) against scikit-learn's
 * RandomForestClassifier (n_jobs = the same thread count) through /usr/bin/python3, on the same synthetic
 * matrix in the same run. Target: our training wall time / sklearn's ≤ 1.5.
 *
 *   npx tsx bench/train.ts                     # 20,000 × 256, 100 trees, 2 threads
 *   BENCH_ROWS=5000 BENCH_TREES=50 BENCH_THREADS=2 BENCH_ROUNDS=3 npx tsx bench/train.ts
 *
 * The matrix mixes what the classifier really sees: a few informative features (linear and interaction
 * effects), noisy copies of them, integer counts, ratios with many zeros, and many noise columns (dense
 * and sparse, like hashed n-gram buckets). The first 80% of rows train, the rest give the held-out AUC.
 * Both sides use max_features "sqrt", class_weight "balanced", bootstrap; only fit is timed (our time
 * includes binning the features). Needs python3-sklearn (Debian); without it only our side runs.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { predictProba } from "@/lib/classifier/forest/predict-proba";
import { trainForest } from "@/lib/classifier/forest/train-forest";
import { DEFAULT_FOREST_PARAMS } from "@/lib/classifier/forest/types";
import { rocAuc } from "@/lib/metrics/roc-auc";
import { seededRandom } from "@/lib/metrics/seeded-random";

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);
const FEATURES = Number(process.env.BENCH_FEATURES ?? 256);
const TREES = Number(process.env.BENCH_TREES ?? 100);
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
const SEED = 1;
const PYTHON = "/usr/bin/python3";

function syntheticMatrix(rows: number, features: number): { X: Float32Array; y: Uint8Array } {
  if (features < 64) throw new Error("BENCH_FEATURES must be at least 64");
  const random = seededRandom(20_240_601);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random.float())) * Math.cos(2 * Math.PI * random.float());
  const X = new Float32Array(rows * features);
  const y = new Uint8Array(rows);
  const row = new Float64Array(features);
  for (let i = 0; i < rows; i++) {
    for (let f = 0; f < 12; f++) row[f] = gauss();
    const score = 0.9 * row[0] + 0.7 * row[1] - 0.6 * row[2] + 0.5 * row[3] + 0.4 * row[4] * row[5] + (row[6] > 0.8 ? 0.8 : 0) + 0.3 * Math.abs(row[7]) - 0.3 + 0.25 * (row[8] + row[9] + row[10] + row[11]);
    const label = score + 1.2 * gauss() > 0.4 ? 1 : 0;
    y[i] = label;
    for (let f = 12; f < 24; f++) row[f] = row[f - 12] + 0.8 * gauss();
    for (let f = 24; f < 40; f++) row[f] = Math.max(0, Math.round(4 + 3 * gauss() + (f < 28 ? 1.5 * label : 0)));
    for (let f = 40; f < 64; f++) row[f] = random.float() < 0.4 ? 0 : Math.min(1, random.float() * (f < 44 ? 0.6 + 0.4 * label : 1));
    for (let f = 64; f < features; f++) row[f] = f % 2 === 0 ? gauss() : random.float() < 0.85 ? 0 : random.float();
    X.set(row, i * features);
  }
  return { X, y };
}

function haveSklearn(): boolean {
  return spawnSync(PYTHON, ["-c", "import sklearn, numpy"], { stdio: "ignore" }).status === 0;
}

async function ours(X: Float32Array, y: Uint8Array, trainRows: number) {
  const start = performance.now();
  const { forest } = await trainForest({
    X: X.subarray(0, trainRows * FEATURES),
    nRows: trainRows,
    nFeatures: FEATURES,
    y: y.subarray(0, trainRows),
    params: { ...DEFAULT_FOREST_PARAMS, trees: TREES, seed: SEED },
    threads: THREADS,
  });
  const seconds = (performance.now() - start) / 1000;
  const proba = predictProba(forest, X.subarray(trainRows * FEATURES), ROWS - trainRows);
  return { seconds, auc: rocAuc(Array.from(y.subarray(trainRows)), proba), nodes: forest.feature.length };
}

function sklearn(dir: string): { seconds: number; auc: number; nodes: number } {
  const run = spawnSync(PYTHON, [path.join(import.meta.dirname, "py", "train_sklearn.py"), dir], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`scikit-learn side failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!);
}

const load = () => os.loadavg().map((v) => v.toFixed(2)).join(" ");

async function main() {
  const trainRows = Math.floor(ROWS * 0.8);
  const { X, y } = syntheticMatrix(ROWS, FEATURES);
  let positives = 0;
  for (const v of y) positives += v;
  console.log(`${ROWS} × ${FEATURES} (${((100 * positives) / ROWS).toFixed(1)}% positive), train ${trainRows}, ${TREES} trees, ${THREADS} threads; load ${load()}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-bench-train-"));
  const python = haveSklearn();
  if (!python) console.log(`${PYTHON} has no scikit-learn (apt-get install python3-sklearn): timing our forest only`);
  try {
    fs.writeFileSync(path.join(dir, "X.f32"), new Uint8Array(X.buffer, X.byteOffset, X.byteLength));
    fs.writeFileSync(path.join(dir, "y.u8"), y);
    fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify({ rows: ROWS, features: FEATURES, trainRows, trees: TREES, threads: THREADS, seed: SEED }));
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternate who goes first so neither always runs on the warmer (or more loaded) machine.
      let o: Awaited<ReturnType<typeof ours>>;
      let s: ReturnType<typeof sklearn> | null = null;
      if (round % 2 === 1 || !python) {
        o = await ours(X, y, trainRows);
        if (python) s = sklearn(dir);
      } else {
        s = sklearn(dir);
        o = await ours(X, y, trainRows);
      }
      const line = [`round ${round}: ours ${o.seconds.toFixed(2)} s (held-out AUC ${o.auc?.toFixed(4)}, ${o.nodes} nodes)`];
      if (s) {
        ratios.push(o.seconds / s.seconds);
        line.push(`sklearn ${s.seconds.toFixed(2)} s (AUC ${s.auc.toFixed(4)}, ${s.nodes} nodes)`, `ratio ${(o.seconds / s.seconds).toFixed(2)} (target ≤ 1.5)`);
      }
      console.log(`${line.join("; ")}; load ${load()}`);
    }
    if (ratios.length > 1) console.log(`median ratio ${ratios.sort((p, q) => p - q)[Math.floor(ratios.length / 2)].toFixed(2)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
