/**
 * Import benchmark: our importFile against a minimal raw better-sqlite3 loop, on the same generated file
 * and the same schema, each in a child process (fresh SQLite database) so peak RSS is measured per import.
 *
 *   npx tsx bench/import.ts [--rows 500000] [--batch-size 2000] [--keep]
 *
 * The input (bench/out/, gitignored) is the shared Stack sample replicated with a unique comment line per
 * copy (~4.4 kB/row, ~2.2 GB for 500k rows), or generated Python-like rows when the sample is absent.
 * Targets: ours ≥ 0.5× the raw loop's throughput, peak RSS < 600 MB.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildBenchCorpus } from "./lib/build-bench-corpus";

const { values } = parseArgs({ options: { rows: { type: "string", default: "500000" }, "batch-size": { type: "string", default: "2000" }, keep: { type: "boolean" } } });
const rows = Number(values.rows);
const batchSize = Number(values["batch-size"]);
const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "bench", "out");

type Result = { mode: string; records: number; inserted: number; seconds: number; maxRssMb: number };

function runChild(mode: "ours" | "raw", file: string): Promise<Result> {
  const dbPath = path.join(outDir, `bench-${mode}.db`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench", "lib", "import-child.ts"), mode, file, dbPath, String(batchSize)], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (!values.keep) for (const s of ["", "-wal", "-shm"]) fs.rmSync(dbPath + s, { force: true });
      if (code !== 0) return reject(new Error(`${mode} import exited with ${code}`));
      resolve(JSON.parse(out.trim().split("\n").pop()!) as Result);
    });
  });
}

const t0 = performance.now();
const corpus = await buildBenchCorpus(outDir, rows);
const mb = corpus.bytes / 1e6;
console.log(
  `input: ${corpus.file} — ${rows.toLocaleString("en-US")} rows, ${mb.toFixed(0)} MB, from the ${corpus.source === "shared-corpus" ? "shared Stack sample (replicated, one unique comment line per copy)" : "generator (shared corpus absent: synthetic Python-like rows)"}` +
    (corpus.built ? `, built in ${((performance.now() - t0) / 1000).toFixed(1)} s` : ", reused"),
);

const results: Result[] = [];
for (const mode of ["ours", "raw"] as const) {
  process.stdout.write(`running ${mode}… `);
  const r = await runChild(mode, corpus.file);
  console.log(`${r.seconds.toFixed(1)} s`);
  results.push(r);
}
const [ours, raw] = results;
const line = (r: Result, label: string) =>
  `${label.padEnd(28)} ${r.records.toLocaleString("en-US").padStart(9)} ${r.inserted.toLocaleString("en-US").padStart(9)} ${r.seconds.toFixed(1).padStart(7)} ${Math.round(r.records / r.seconds).toLocaleString("en-US").padStart(9)} ${(mb / r.seconds).toFixed(1).padStart(6)} ${r.maxRssMb.toFixed(0).padStart(8)}`;
console.log(`\n${"".padEnd(28)} ${"records".padStart(9)} ${"inserted".padStart(9)} ${"s".padStart(7)} ${"rec/s".padStart(9)} ${"MB/s".padStart(6)} ${"peak RSS".padStart(8)}`);
console.log(line(ours, "importFile (ours)"));
console.log(line(raw, "raw better-sqlite3 loop"));
const ratio = raw.seconds / ours.seconds;
console.log(`\nthroughput ratio ours/raw: ${ratio.toFixed(2)} (target ≥ 0.5) ${ratio >= 0.5 ? "✓" : "✗"}`);
console.log(`peak RSS of our import: ${ours.maxRssMb.toFixed(0)} MB for a ${mb.toFixed(0)} MB file (target < 600 MB) ${ours.maxRssMb < 600 ? "✓" : "✗"}`);
if (ours.inserted !== raw.inserted || ours.records !== raw.records) console.log(`✗ counts differ: ours ${ours.records}/${ours.inserted}, raw ${raw.records}/${raw.inserted}`);
