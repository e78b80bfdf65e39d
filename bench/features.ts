/**
 * Feature extraction speed, single-threaded: snippets/s and MB/s of extractFeatures over the real Python
 * sample (../shared/data/corpus/python-sample.jsonl.gz) when present, else over generated Python-like
 * snippets (the output says which). Also by file size, and a bare charCodeAt loop over the same text as a
 * floor. Target: ≥ 40,000 snippets/s on typical 1–4 kB Python files (scoring end to end needs ≥ 20,000/s
 * on 2 cores with the forest and the write).
 *
 *   npx tsx bench/features.ts            # BENCH_SECONDS=3 per measurement by default
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { extractFeatures, FEATURE_DIMS, type FeatureInput } from "../lib/classifier/features/extract-features";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CORPUS = path.resolve(process.cwd(), "../shared/data/corpus/python-sample.jsonl.gz");

function loadCorpus(): { rows: FeatureInput[]; source: string } {
  if (fs.existsSync(CORPUS)) {
    const text = zlib.gunzipSync(fs.readFileSync(CORPUS)).toString("utf8");
    const rows = text
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { content: string; lang?: string; max_stars_repo_path?: string })
      .map((r) => ({ content: r.content, language: r.lang ?? "python", path: r.max_stars_repo_path ?? null }));
    return { rows, source: `real corpus ${path.relative(process.cwd(), CORPUS)}` };
  }
  return { rows: generated(3000), source: "generated Python-like snippets (the shared corpus is absent)" };
}

const WORDS = ["parse", "graph", "matrix", "queue", "token", "stream", "cache", "tree", "sort", "merge", "window", "prime", "node", "value"];

function generated(count: number): FeatureInput[] {
  let seed = 1;
  const rnd = () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
  const word = () => WORDS[Math.floor(rnd() * WORDS.length)];
  return Array.from({ length: count }, (_, i) => {
    const parts = [`"""Module ${i}: ${word()} and ${word()} helpers."""`, "import os", "from collections import deque", ""];
    const fns = 2 + Math.floor(rnd() * 8);
    for (let f = 0; f < fns; f++) {
      parts.push(`def ${word()}_${word()}_${f}(items, limit=${f}):`, `    """Return the ${word()} of items up to limit."""`, "    result = []");
      const body = 3 + Math.floor(rnd() * 12);
      for (let k = 0; k < body; k++) parts.push(`    ${k % 4 === 0 ? "# " + word() + " step" : `result.append(${word()}_${k} + items[${k}] * ${k})`}`);
      parts.push("    return result", "");
    }
    return { content: parts.join("\n"), language: "python", path: `src/pkg/${word()}_${i}.py` };
  });
}

type Rate = { perSecond: number; mbPerSecond: number; cpuPerSecond: number; cpuMbPerSecond: number };

/**
 * Runs `fn` over `rows` repeatedly for about SECONDS after two warm-up passes. Rates per wall second and
 * per CPU second of this process: on a shared machine the second is the fairer figure.
 */
function measure(rows: readonly FeatureInput[], fn: (row: FeatureInput) => void): Rate {
  const bytes = rows.reduce((s, r) => s + Buffer.byteLength(r.content), 0);
  for (let w = 0; w < 2; w++) for (const r of rows) fn(r);
  let passes = 0;
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < SECONDS) {
    for (const r of rows) fn(r);
    passes++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const cpuUsed = process.cpuUsage(cpu0);
  const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
  const done = rows.length * passes;
  return { perSecond: done / elapsed, mbPerSecond: (bytes * passes) / 1e6 / elapsed, cpuPerSecond: done / cpuSeconds, cpuMbPerSecond: (bytes * passes) / 1e6 / cpuSeconds };
}

/** The first pass over every row in a fresh process includes V8's compilation of the scanner. */
function coldPass(rows: readonly FeatureInput[]): number {
  const start = process.hrtime.bigint();
  for (const r of rows) extract(r);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

let sink = 0;
const out = new Float32Array(FEATURE_DIMS);
const extract = (r: FeatureInput) => {
  extractFeatures(r, out, 0);
  sink += out[0];
};
const floor = (r: FeatureInput) => {
  let s = 0;
  const t = r.content;
  for (let i = 0; i < t.length; i++) s += t.charCodeAt(i);
  sink += s;
};

const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
const show = (m: Rate) => `${fmt(m.perSecond)} snippets/s, ${m.mbPerSecond.toFixed(1)} MB/s (per CPU second: ${fmt(m.cpuPerSecond)} snippets/s, ${m.cpuMbPerSecond.toFixed(1)} MB/s)`;
const { rows, source } = loadCorpus();
const meanBytes = rows.reduce((s, r) => s + Buffer.byteLength(r.content), 0) / rows.length;
console.log(`${rows.length.toLocaleString("en-US")} snippets from ${source}; mean ${fmt(meanBytes)} B; ${FEATURE_DIMS} features; single thread`);
console.log(`node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

console.log(`cold first pass (includes JIT warm-up): ${fmt(coldPass(rows))} ms for ${rows.length} rows`);
console.log(`extractFeatures, all rows: ${show(measure(rows, extract))}`);
console.log(`bare charCodeAt loop over the same text (floor): ${show(measure(rows, floor))}`);

const SIZE_BUCKETS: [string, number, number][] = [
  ["< 1 kB", 0, 1024],
  ["1–4 kB", 1024, 4096],
  ["4–16 kB", 4096, 16384],
  ["≥ 16 kB", 16384, Infinity],
];
for (const [label, lo, hi] of SIZE_BUCKETS) {
  const subset = rows.filter((r) => r.content.length >= lo && r.content.length < hi);
  if (subset.length > 0) console.log(`  ${label.padEnd(8)} ${String(subset.length).padStart(5)} rows: ${show(measure(subset, extract))}`);
}
console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}${sink === 0.5 ? " " : ""}`);
