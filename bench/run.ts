/**
 * `npm run bench [-- <name>…]` (names below): runs the benchmarks one after another (each prints its own
 * figures; nothing is asserted). Each needs a few minutes on 2 cores; the first run seeds 1M-row SQLite
 * databases under bench/out/ and the OS temp dir (≈1.6 GB each), later runs reuse them.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const BENCHES: Record<string, { file: string; what: string; env?: Record<string, string> }> = {
  import: { file: "import.ts", what: "import 500k rows: ours vs a raw better-sqlite3 loop, records/s, MB/s, peak RSS" },
  browse: { file: "browse-api.ts", what: "1M snippets: snippet table pages with filters, search, dataset stats (p50/p95/p99)" },
  review: { file: "review-api.ts", what: "1M snippets: next snippet and save label (p50/p95/p99)", env: { BENCH_REUSE: "1" } },
  label: { file: "label.ts", what: "2,000-snippet live campaign vs the same requests straight through the SDK (fake server, 20 ms, concurrency 16)" },
  queue: { file: "queue.ts", what: "queue throughput, empty handler: jobs/s on SQLite and PostgreSQL with 1 and 2 worker processes" },
  features: { file: "features.ts", what: "feature extraction, single thread: snippets/s and MB/s on the shared Python sample (or generated snippets)" },
  "classifier-auc": { file: "classifier-auc.ts", what: "shared corpus: our 5-fold ROC AUC vs scikit-learn's RandomForestClassifier on the same features and folds" },
  train: { file: "train.ts", what: "train 100 trees on 20k × 256 synthetic features: our forest vs scikit-learn's RandomForestClassifier (n_jobs=2), wall time ratio and held-out AUC" },
  dashboards: { file: "dashboards.ts", what: "1M snippets, 1M scores, 10k human labels, an audit: dashboard APIs under 8 concurrent clients, cold / steady / while labeling (p50/p95/p99), SQLite and PostgreSQL", env: { BENCH_REUSE: "1" } },
  audits: { file: "audits.ts", what: "1M snippets, 1M scores: audit stats, blind audit queue and progress at 1,000 and 10,000 items, 1 and 8 clients (p95)" },
  minhash: { file: "minhash.ts", what: "MinHash/LSH near-duplicate detection over 200k code documents: docs/s on 2 threads and 1, peak RSS, planted copies found" },
  score: { file: "score.ts", what: "re-score 1M snippets on SQLite through the plan + chunk jobs: snippets/s and the features / predict / write split" },
  export: { file: "export.ts", what: "export 1M snippets to Parquet and JSONL.gz through the export job: rows/s, MB/s, peak RSS, tokenization time, vs a minimal write with the same libraries" },
  decontam: { file: "decontam.ts", what: "1M snippets against HumanEval + MBPP (stand-in): snippets/s of the check alone and end to end through the decontam.run job on SQLite, peak RSS" },
  sandbox: { file: "sandbox.ts", what: "python3 sandbox: programs/s and per-program overhead vs plain python3 on the shared exercises, 1 and 2 at a time" },
};

const chosen = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = chosen.length ? chosen : Object.keys(BENCHES);
let failed = 0;
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}" (known: ${Object.keys(BENCHES).join(", ")})`);
    process.exit(2);
  }
  console.log(`\n=== ${name}: ${bench.what} ===`);
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, bench.file)], {
    stdio: "inherit",
    env: { ...process.env, ...bench.env },
  });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
