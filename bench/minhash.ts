/**
 * MinHash near-duplicate detection over 200,000 code documents, as the `diversity.report` job runs it
 * (lib/diversity): pages of 2,000 documents signed in the MinHash thread pool (128 permutations, word
 * 5-gram shingles, 18 × 7 LSH bands for Jaccard 0.8), signatures appended, then LSH candidates, verification
 * and union-find. Documents are streamed from a deterministic generator (the job streams pages from the
 * database): 40–120 consecutive lines of a random file of the shared Python sample
 * (../shared/data/corpus/python-sample.jsonl.gz; seeded Python-like text when it is absent) with 15 % of
 * the identifiers renamed per document, and 5 % planted near-copies of an earlier document with 1–3 lines
 * edited. Each configuration runs in its own process so its peak RSS is its own; documents are generated
 * before the clock starts (the job streams them from the database instead of holding them all).
 *
 * Prints docs/s on 2 threads and on 1 (signing + clustering), the split, peak RSS, and recall: the share of
 * planted copies found, overall and among those whose exact 5-shingle Jaccard is ≥ 0.8. Asserts nothing.
 *
 *   npx tsx bench/minhash.ts                       # 200,000 documents, 2 threads then 1
 *   BENCH_DOCS=20000 BENCH_THREADS=2 npx tsx bench/minhash.ts
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const DOCS = Number(process.env.BENCH_DOCS ?? 200_000);
const CORPUS = path.resolve(import.meta.dirname, "../../shared/data/corpus/python-sample.jsonl.gz");
const PAGE = 2_000;
const PLANTED_SHARE = 0.05;

type Result = {
  threads: number;
  docs: number;
  bytes: number;
  signSeconds: number;
  /** CPU time of the whole process (every thread) while signing: wall time on a loaded machine says little. */
  signCpuSeconds: number;
  clusterSeconds: number;
  candidates: number;
  pairs: number;
  clusters: number;
  duplicates: number;
  planted: number;
  found: number;
  /** Planted copies whose exact 5-shingle Jaccard with their original is ≥ 0.8, and how many of those were found. */
  plantedAbove: number;
  foundAbove: number;
  rssBeforeMb: number;
  maxRssMb: number;
  source: string;
};

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5;
    s = (s ^ (s >>> 13)) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ["parse", "graph", "matrix", "queue", "token", "stream", "cache", "tree", "sort", "merge", "window", "prime", "node", "value", "total", "index", "buffer", "record"];

function loadBases(): { files: string[][]; source: string } {
  if (fs.existsSync(CORPUS)) {
    const files = zlib
      .gunzipSync(fs.readFileSync(CORPUS))
      .toString("utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { content: string }).content.split("\n"))
      .filter((lines) => lines.length >= 20);
    return { files, source: `the shared Python sample (${files.length} files of ≥ 20 lines)` };
  }
  const r = rng(99);
  const files = Array.from({ length: 500 }, (_, f) =>
    Array.from({ length: 60 + Math.floor(r() * 200) }, (_, i) => {
      const w = () => WORDS[Math.floor(r() * WORDS.length)];
      return i % 12 === 0 ? `def ${w()}_${w()}_${f}_${i}(${w()}, ${w()}):` : `    ${w()}_${i % 7} = ${w()}(${w()}, ${Math.floor(r() * 100)})  # ${w()} ${w()}`;
    }),
  );
  return { files, source: "seeded Python-like text (the shared corpus is absent)" };
}

/** Document i, always the same text: a renamed slice of a base file, or a lightly edited copy of an earlier document. */
function makeDocAt(files: string[][]) {
  const base = (i: number): string => {
    const r = rng(i * 7919 + 13);
    const file = files[Math.floor(r() * files.length)];
    const len = Math.min(file.length, 40 + Math.floor(r() * 80));
    const start = Math.floor(r() * Math.max(1, file.length - len));
    const suffix = `_${(i % 997).toString(36)}`;
    return file
      .slice(start, start + len)
      .map((line) => line.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (w) => (w.length > 2 && r() < 0.15 ? w + suffix + Math.floor(r() * 10) : w)))
      .join("\n");
  };
  const plantedOf = (i: number): number | null => {
    if (i < 100) return null;
    const r = rng(i * 104729 + 7);
    return r() < PLANTED_SHARE ? Math.floor(r() * i) : null;
  };
  const docAt = (i: number): string => {
    const of = plantedOf(i);
    if (of === null) return base(i);
    const r = rng(i * 31 + 1);
    const lines = base(of).split("\n");
    const edits = 1 + Math.floor(r() * 3);
    for (let e = 0; e < edits; e++) lines[Math.floor(r() * lines.length)] = `    edited_${i}_${e} = ${WORDS[Math.floor(r() * WORDS.length)]}()`;
    return lines.join("\n");
  };
  return { docAt, plantedOf };
}

async function child(threads: number): Promise<Result> {
  const { MinhashPool } = await import("../lib/diversity/minhash-pool");
  const { SignatureBuilder } = await import("../lib/diversity/signature-builder");
  const { findNearDuplicates } = await import("../lib/diversity/find-near-duplicates");
  const { chooseLshParams } = await import("../lib/diversity/lsh-params");
  const { wordTokens } = await import("../lib/diversity/word-tokens");
  const { files, source } = loadBases();
  const { docAt, plantedOf } = makeDocAt(files);
  // Generated up front so the timing is MinHash's alone; the RSS before signing is reported apart (the job
  // streams pages from the database and never holds every document).
  const docs = Array.from({ length: DOCS }, (_, i) => docAt(i));
  const bytes = docs.reduce((a, d) => a + d.length, 0);
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  const { bands, rows } = chooseLshParams(0.8, 128);
  const pool = new MinhashPool({ permutations: 128, shingle: 5, seed: 1, bands, rows }, threads);
  const builder = new SignatureBuilder(bands, 128, DOCS);
  // Thread start-up (tsx compiling the thread's modules, ~1 s) is paid once per report, not per document.
  await pool.warm();
  const cpu = process.cpuUsage();
  let t = performance.now();
  for (let at = 0; at < DOCS; at += PAGE) builder.add(await pool.sign(docs.slice(at, at + PAGE)));
  const signSeconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const signCpuSeconds = (used.user + used.system) / 1e6;
  await pool.close();
  t = performance.now();
  const near = findNearDuplicates(builder.build(), 0.8);
  const clusterSeconds = (performance.now() - t) / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;

  // Recall against the truth: planted copies whose exact Jaccard of 5-shingle sets is ≥ 0.8.
  const shingles = (text: string) => {
    const w = wordTokens(text);
    return new Set(w.length < 5 ? [w.join(" ")] : Array.from({ length: w.length - 4 }, (_, k) => w.slice(k, k + 5).join(" ")));
  };
  const root = new Map<number, number>();
  near.clusters.forEach((c, k) => c.forEach((i) => root.set(i, k)));
  let planted = 0;
  let found = 0;
  let plantedAbove = 0;
  let foundAbove = 0;
  for (let i = 0; i < DOCS; i++) {
    const of = plantedOf(i);
    if (of === null) continue;
    planted++;
    const hit = root.has(i) && root.get(i) === root.get(of);
    if (hit) found++;
    const a = shingles(docs[i]);
    const b = shingles(docs[of]);
    let inter = 0;
    for (const x of a) if (b.has(x)) inter++;
    if (inter / (a.size + b.size - inter) >= 0.8) {
      plantedAbove++;
      if (hit) foundAbove++;
    }
  }
  return {
    threads,
    docs: DOCS,
    bytes,
    signSeconds,
    signCpuSeconds,
    clusterSeconds,
    candidates: near.candidates,
    pairs: near.pairs.length,
    clusters: near.clusters.length,
    duplicates: near.clusters.reduce((a, c) => a + c.length - 1, 0),
    planted,
    found,
    plantedAbove,
    foundAbove,
    rssBeforeMb,
    maxRssMb,
    source,
  };
}

async function main() {
  if (process.env.BENCH_MINHASH_CHILD) {
    console.log(JSON.stringify(await child(Number(process.env.BENCH_MINHASH_CHILD))));
    return;
  }
  const configs = process.env.BENCH_THREADS ? [Number(process.env.BENCH_THREADS)] : [2, 1];
  const results: Result[] = [];
  for (const threads of configs) {
    const run = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename], { env: { ...process.env, BENCH_MINHASH_CHILD: String(threads) }, encoding: "utf8", maxBuffer: 1 << 24 });
    if (run.status !== 0) {
      console.error(run.stderr);
      process.exit(1);
    }
    const r = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as Result;
    results.push(r);
    const total = r.signSeconds + r.clusterSeconds;
    if (results.length === 1) console.log(`${r.docs.toLocaleString("en-US")} documents (${(r.bytes / r.docs / 1024).toFixed(1)} KB average, ${(r.bytes / 1e6).toFixed(0)} MB) from ${r.source}`);
    console.log(
      `${threads} thread${threads === 1 ? " " : "s"}: ${Math.round(r.docs / total).toLocaleString("en-US")} docs/s (${(r.bytes / 1e6 / total).toFixed(1)} MB/s) — sign ${r.signSeconds.toFixed(1)} s (${r.signCpuSeconds.toFixed(1)} CPU s, ${Math.round(r.docs / r.signCpuSeconds).toLocaleString("en-US")} docs per CPU second), LSH + verify + union-find ${r.clusterSeconds.toFixed(2)} s; ` +
        `peak RSS ${r.maxRssMb.toFixed(0)} MB (${r.rssBeforeMb.toFixed(0)} MB with the documents in memory before signing, so MinHash adds ≈ ${Math.max(0, r.maxRssMb - r.rssBeforeMb).toFixed(0)} MB)\n` +
        `           ${r.candidates.toLocaleString("en-US")} candidates → ${r.pairs.toLocaleString("en-US")} pairs, ${r.clusters.toLocaleString("en-US")} clusters, ${r.duplicates.toLocaleString("en-US")} near-duplicates; ` +
        `planted copies found ${r.found}/${r.planted} (${((100 * r.found) / Math.max(1, r.planted)).toFixed(1)} %; ${r.foundAbove}/${r.plantedAbove} = ${((100 * r.foundAbove) / Math.max(1, r.plantedAbove)).toFixed(1)} % of those truly ≥ 0.8 Jaccard)`,
    );
  }
  if (results.length === 2) {
    const [two, one] = results;
    console.log(`speed-up on 2 threads: ${((one.signSeconds + one.clusterSeconds) / (two.signSeconds + two.clusterSeconds)).toFixed(2)}× (machine load ${(await import("node:os")).loadavg()[0].toFixed(1)})`);
  }
}

await main();
