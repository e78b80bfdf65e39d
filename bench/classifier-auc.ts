/**
 * Our random forest vs scikit-learn on the same data and the same folds: imports the shared corpus
 * (../shared/data/corpus/python-sample.jsonl.gz; skipped when absent), builds the training set exactly as
 * the training job does (labels → target, features), assigns stratified folds, then
 *   - ours: crossValidate (100 trees, DEFAULT_FOREST_PARAMS: sqrt features, balanced class weights);
 *   - scikit-learn: RandomForestClassifier(n_estimators=100, class_weight="balanced") with /usr/bin/python3
 *     on the exported feature matrix, labels and fold assignment;
 * and prints both 5-fold ROC AUCs (over the out-of-fold probabilities) and their difference. Target:
 * |Δ| ≤ 0.02. Several seeds per side (BENCH_SEEDS, default 3) because 299 rows make one AUC noisy.
 *
 *   npx tsx bench/classifier-auc.ts
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const CORPUS = path.resolve(process.cwd(), "../shared/data/corpus/python-sample.jsonl.gz");
const FOLDS = 5;
const TREES = 100;
const SEEDS = Math.max(1, Number(process.env.BENCH_SEEDS ?? 3));
const THRESHOLD = 3;

const PYTHON = `
import json, sys, time
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
d = sys.argv[1]
meta = json.load(open(d + "/meta.json"))
X = np.fromfile(d + "/X.f32", dtype="<f4").reshape(meta["rows"], meta["features"])
y = np.fromfile(d + "/y.u8", dtype=np.uint8)
folds = np.fromfile(d + "/folds.i32", dtype="<i4")
out = []
for seed in meta["seeds"]:
    t = time.time()
    oof = np.zeros(len(y))
    per_fold = []
    for f in range(meta["k"]):
        test = folds == f
        rf = RandomForestClassifier(n_estimators=meta["trees"], class_weight="balanced", random_state=seed, n_jobs=2)
        rf.fit(X[~test], y[~test])
        oof[test] = rf.predict_proba(X[test])[:, 1]
        per_fold.append(roc_auc_score(y[test], oof[test]))
    out.append({"seed": seed, "auc": roc_auc_score(y, oof), "folds": per_fold, "seconds": time.time() - t})
print(json.dumps(out))
`;

async function main() {
  if (!fs.existsSync(CORPUS)) {
    console.log(`skipped: ${CORPUS} is absent (shared data is not part of a fresh clone)`);
    return;
  }
  if (!fs.existsSync("/usr/bin/python3")) {
    console.log("skipped: /usr/bin/python3 is absent");
    return;
  }
  const { createScratchDatabase } = await import("../lib/db/create-scratch-database");
  const database = await createScratchDatabase({ dialect: "sqlite", pgAdminUrl: "", prefix: "syllabus_bench_auc" });
  process.env.DATABASE_URL = database.url;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-bench-auc-"));
  try {
    const { plainContext } = await import("../lib/context");
    const { importFile } = await import("../lib/corpus/import-file");
    const { db, disconnectDb } = await import("../lib/db/client");
    const { closeRaw } = await import("../lib/db/raw");
    const { loadTrainingSet } = await import("../lib/classifier/load-training-set");
    const { crossValidate } = await import("../lib/classifier/cross-validate");
    const { DEFAULT_FOREST_PARAMS } = await import("../lib/classifier/forest/types");
    const { stratifiedKFold } = await import("../lib/metrics/stratified-k-fold");
    const { rocAuc } = await import("../lib/metrics/roc-auc");

    await importFile({ dataset: "python-sample", filePath: CORPUS }, plainContext());
    const dataset = await db().dataset.findUniqueOrThrow({ where: { name: "python-sample" } });
    const set = await loadTrainingSet({ datasetId: dataset.id, threshold: THRESHOLD });
    const folds = stratifiedKFold(set.y, FOLDS, 1);
    console.log(`training set: ${set.nRows} rows × ${set.nFeatures} features, ${set.snapshot.positives} high (score ≥ ${THRESHOLD}); ${FOLDS} stratified folds; ${TREES} trees; seeds ${SEEDS}; load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

    const seeds = Array.from({ length: SEEDS }, (_, i) => i + 1);
    const ours: { seed: number; auc: number; folds: (number | null)[]; seconds: number }[] = [];
    for (const seed of seeds) {
      const t = performance.now();
      const cv = await crossValidate({ set, folds, k: FOLDS, params: { ...DEFAULT_FOREST_PARAMS, trees: TREES, seed } });
      ours.push({ seed, auc: rocAuc(set.y, cv.oof)!, folds: cv.foldRocAuc, seconds: (performance.now() - t) / 1000 });
    }

    fs.writeFileSync(path.join(work, "X.f32"), Buffer.from(set.X.buffer, set.X.byteOffset, set.X.byteLength));
    fs.writeFileSync(path.join(work, "y.u8"), set.y);
    fs.writeFileSync(path.join(work, "folds.i32"), Buffer.from(folds.buffer, folds.byteOffset, folds.byteLength));
    fs.writeFileSync(path.join(work, "meta.json"), JSON.stringify({ rows: set.nRows, features: set.nFeatures, k: FOLDS, trees: TREES, seeds }));
    fs.writeFileSync(path.join(work, "rf.py"), PYTHON);
    const py = spawnSync("/usr/bin/python3", [path.join(work, "rf.py"), work], { encoding: "utf8" });
    if (py.status !== 0) throw new Error(`scikit-learn run failed: ${py.stderr}`);
    const theirs = JSON.parse(py.stdout) as { seed: number; auc: number; folds: number[]; seconds: number }[];

    const fmt = (v: number | null) => (v === null ? "n/a" : v.toFixed(4));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    for (let i = 0; i < seeds.length; i++) {
      console.log(`seed ${seeds[i]}: ours ${fmt(ours[i].auc)} (folds ${ours[i].folds.map(fmt).join(" ")}; ${ours[i].seconds.toFixed(1)} s)   sklearn ${fmt(theirs[i].auc)} (folds ${theirs[i].folds.map(fmt).join(" ")}; ${theirs[i].seconds.toFixed(1)} s)`);
    }
    const a = mean(ours.map((o) => o.auc));
    const b = mean(theirs.map((o) => o.auc));
    console.log(`5-fold ROC AUC, mean over ${seeds.length} seed(s): ours ${a.toFixed(4)}, scikit-learn ${b.toFixed(4)}, Δ = ${(a - b >= 0 ? "+" : "") + (a - b).toFixed(4)} (target |Δ| ≤ 0.02: ${Math.abs(a - b) <= 0.02 ? "met" : "NOT met"})`);
    await disconnectDb();
    await closeRaw();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
