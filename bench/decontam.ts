/**
 * Decontamination throughput: 1M snippets on SQLite (bench/lib/seed-large.ts's generated code snippets,
 * cached under the OS temp dir, with one snippet in 1,000 carrying a pasted HumanEval prompt) against
 * HumanEval (the shared file; a generated stand-in of 164 items when absent) + MBPP. MBPP cannot be fetched
 * offline, so an MBPP-shaped stand-in of 974 items (task_id, text, code, test_list) is generated from a
 * fixed seed and imported through the real import path; the output says so.
 *
 *  1. the check alone: tokenize + hash + index probes + substring scan, in memory over the rows (read
 *     time excluded), snippets/s and MB/s;
 *  2. end to end through the `decontam.run` job on SQLite in this process (plainContext): keyset pages
 *     read on the raw driver, scan, match writes, the final flag update; snippets/s and the time split.
 * Prints figures and peak RSS; asserts nothing.
 *
 *   npx tsx bench/decontam.ts
 *   BENCH_SNIPPETS=100000 npx tsx bench/decontam.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { cachedRowCount, seedLarge } from "./lib/seed-large";

const SNIPPETS = Number(process.env.BENCH_SNIPPETS ?? 1_000_000);
const PLANT_EVERY = 1_000;
const FILE = path.join(os.tmpdir(), `syllabus-bench-decontam-${SNIPPETS}.db`);
const HUMAN_EVAL = path.resolve(import.meta.dirname, "..", "..", "shared", "data", "benchmarks", "HumanEval.jsonl.gz");

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString("en-US")}/s`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** MBPP's shape (task_id 1..974, text, code, test_list) with generated content from a fixed seed. */
function mbppStandIn(): string {
  const rand = rng(974);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const verbs = ["find", "count", "remove", "sort", "reverse", "merge", "check", "compute", "convert", "extract", "split", "rotate", "filter", "group"];
  const adjs = ["maximum", "minimum", "first", "last", "unique", "duplicate", "common", "longest", "shortest", "even", "odd", "nested", "adjacent"];
  const nouns = ["elements", "characters", "words", "digits", "pairs", "tuples", "keys", "values", "substrings", "numbers", "vowels", "primes"];
  const containers = ["list", "string", "tuple", "dictionary", "matrix", "array", "sentence", "set"];
  const rows: string[] = [];
  for (let id = 1; id <= 974; id++) {
    const [v, a, n, c] = [pick(verbs), pick(adjs), pick(nouns), pick(containers)];
    const name = `${v}_${a}_${n}_${id}`;
    const text = `Write a ${rand() < 0.4 ? "python " : ""}function to ${v} the ${a} ${n} of a given ${c}${rand() < 0.5 ? ` using ${pick(["a loop", "recursion", "a lambda", "regex", "a heap", "a stack"])}` : ""}.`;
    const code = `def ${name}(${c.slice(0, 3)}, k=${id % 7}):\n    result = []\n    for i, x in enumerate(${c.slice(0, 3)}):\n        if i % ${1 + (id % 5)} == k % ${1 + (id % 5)} and x not in result:\n            result.append(x)\n    return ${a === "maximum" ? "max(result)" : a === "minimum" ? "min(result)" : "result"}\n`;
    const tests = [1, 2, 3].map((t) => `assert ${name}([${[t, t + id % 9, t * 3].join(", ")}]) == ${JSON.stringify([t])}`);
    rows.push(JSON.stringify({ task_id: id, text, code, test_list: tests, test_setup_code: "", challenge_test_list: [] }));
  }
  return rows.join("\n") + "\n";
}

/** HumanEval's shape from a fixed seed, when the shared file is absent. */
function humanEvalStandIn(): string {
  const rand = rng(164);
  const words = "return the list of numbers strings that sum product given input sorted unique first last index value count each pair element".split(" ");
  const rows: string[] = [];
  for (let i = 0; i < 164; i++) {
    const doc = Array.from({ length: 20 + Math.floor(rand() * 20) }, () => words[Math.floor(rand() * words.length)]).join(" ");
    rows.push(JSON.stringify({ task_id: `HumanEval/${i}`, prompt: `def f_${i}(xs):\n    """ ${doc}\n    >>> f_${i}([1, 2])\n    3\n    """\n`, canonical_solution: `    return sum(xs) + ${i}\n`, test: "", entry_point: `f_${i}` }));
  }
  return rows.join("\n") + "\n";
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-bench-decontam-"));
  const humanEvalFile = fs.existsSync(HUMAN_EVAL) ? HUMAN_EVAL : path.join(tmp, "HumanEval-standin.jsonl");
  if (humanEvalFile !== HUMAN_EVAL) fs.writeFileSync(humanEvalFile, humanEvalStandIn());
  const mbppFile = path.join(tmp, "mbpp-standin.jsonl");
  fs.writeFileSync(mbppFile, mbppStandIn());
  const humanEvalRows = (humanEvalFile.endsWith(".gz") ? zlib.gunzipSync(fs.readFileSync(humanEvalFile)).toString("utf8") : fs.readFileSync(humanEvalFile, "utf8"))
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { prompt: string });

  if (cachedRowCount(FILE) === SNIPPETS) console.log(`using cached ${FILE}`);
  else {
    console.log(`seeding ${SNIPPETS.toLocaleString("en-US")} snippets into ${FILE} (once; a few minutes)…`);
    const r = await seedLarge({ file: FILE, snippets: SNIPPETS });
    // One snippet in PLANT_EVERY gets a HumanEval prompt pasted in: the contamination the check must find.
    const conn = new Database(FILE);
    const plant = conn.prepare(`UPDATE snippet SET content = content || ? WHERE id = ?`);
    conn.transaction(() => {
      for (let id = PLANT_EVERY; id <= SNIPPETS; id += PLANT_EVERY) plant.run(`\n# pasted\n${humanEvalRows[(id / PLANT_EVERY) % humanEvalRows.length].prompt}`, id);
    })();
    conn.close();
    console.log(`seeded in ${r.seconds.toFixed(0)} s; ${Math.floor(SNIPPETS / PLANT_EVERY)} snippets carry a pasted HumanEval prompt`);
  }
  process.env.DATABASE_URL = `file:${FILE}`;
  const { db, disconnectDb } = await import("../lib/db/client");
  const { closeRaw, rawSqlite } = await import("../lib/db/raw");
  const { plainContext } = await import("../lib/context");
  const { importBenchmark } = await import("../lib/decontam/import-benchmark");
  const { buildBenchmarkIndex } = await import("../lib/decontam/build-benchmark-index");
  const { createSnippetScanner } = await import("../lib/decontam/create-snippet-scanner");
  const { readSnippetPage } = await import("../lib/decontam/read-snippet-page");
  const { createDecontamRun } = await import("../lib/decontam/create-decontam-run");
  const { runDecontam } = await import("../lib/decontam/run-decontam");
  const { jobRegistry } = await import("../workers/registry");

  // Earlier runs' matches, flags and jobs go, so every run does the same work.
  const conn = rawSqlite();
  conn.exec(`DELETE FROM decontam_run; DELETE FROM job WHERE name = 'decontam.run'; UPDATE snippet SET contaminated = 0 WHERE contaminated = 1`);
  const he = await importBenchmark({ filePath: humanEvalFile, name: "humaneval" });
  const mbpp = await importBenchmark({ filePath: mbppFile, name: "mbpp-standin" });
  console.log(`benchmarks: HumanEval ${he.benchmark.itemCount} items${humanEvalFile === HUMAN_EVAL ? "" : " (generated stand-in: the shared file is absent)"}; ` +
    `MBPP: not available offline, using an MBPP-shaped stand-in of ${mbpp.benchmark.itemCount} items generated from a fixed seed`);
  const [{ bytes }] = conn.prepare(`SELECT SUM("sizeBytes") AS bytes FROM snippet`).all() as { bytes: number }[];
  console.log(`${SNIPPETS.toLocaleString("en-US")} snippets, ${(bytes / 1e6).toFixed(0)} MB of content; load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  // 1. The check alone.
  const items = await db().benchmarkItem.findMany({ select: { id: true, benchmarkId: true, taskId: true, prompt: true, solution: true }, orderBy: { id: "asc" } });
  let t = performance.now();
  const index = buildBenchmarkIndex(items);
  const indexMs = performance.now() - t;
  console.log(`\nindex: ${items.length} items, ${index.gramCount.toLocaleString("en-US")} 13-grams (${index.droppedGrams} dropped as common), ${index.patternCount} substring patterns, ${(index.bytes / 1e6).toFixed(1)} MB, built in ${indexMs.toFixed(0)} ms`);
  const scanner = createSnippetScanner(index);
  let scanMs = 0;
  let scanCpuMs = 0;
  let readMs = 0;
  let scanned = 0;
  let scannedBytes = 0;
  let flagged = 0;
  let after = 0;
  for (;;) {
    t = performance.now();
    const page = await readSnippetPage({ after, datasetId: null, limit: 5_000 });
    readMs += performance.now() - t;
    if (page.length === 0) break;
    t = performance.now();
    const cpu = process.cpuUsage();
    for (const s of page) {
      if (scanner.scan(s.content).length) flagged++;
      scannedBytes += s.content.length;
    }
    const used = process.cpuUsage(cpu);
    scanCpuMs += (used.user + used.system) / 1000;
    scanMs += performance.now() - t;
    scanned += page.length;
    after = page[page.length - 1].id;
  }
  console.log(
    `check alone (one thread, in memory over the rows): ${scanned.toLocaleString("en-US")} snippets in ${secs(scanMs)}: ${rate(scanned, scanMs)}, ${(scannedBytes / 1e6 / (scanMs / 1000)).toFixed(0)} MB/s ` +
      `(per CPU second: ${rate(scanned, scanCpuMs)}, ${(scannedBytes / 1e6 / (scanCpuMs / 1000)).toFixed(0)} MB/s); ${flagged} flagged (expected ${Math.floor(SNIPPETS / PLANT_EVERY)}); reading the pages took ${secs(readMs)} more`,
  );

  // 2. End to end through the job.
  const { run } = await createDecontamRun({}, null, jobRegistry);
  t = performance.now();
  const cpu = process.cpuUsage();
  const result = await runDecontam({ runId: run.id }, plainContext());
  const totalMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const totalCpuMs = (used.user + used.system) / 1000;
  const tm = result.timings;
  console.log(
    `\nend to end, decontam.run job on SQLite (every dataset, all benchmarks): ${result.total.toLocaleString("en-US")} snippets in ${secs(totalMs)}: ${rate(result.total, totalMs)}; ` +
      `${result.flagged} flagged, ${result.matches} matches, status ${result.status} (this process used ${secs(totalCpuMs)} of CPU: ${rate(result.total, totalCpuMs)} per CPU second)`,
  );
  console.log(`  split: index ${tm.index.toFixed(0)} ms, read ${secs(tm.read)}, scan ${secs(tm.scan)}, write ${secs(tm.write)}, final flag update ${secs(tm.finish)}`);
  const contaminated = (conn.prepare(`SELECT COUNT(*) AS n FROM snippet WHERE contaminated = 1`).get() as { n: number }).n;
  console.log(`  snippet.contaminated set on ${contaminated} snippets; peak RSS ${(peakRss / 1e6).toFixed(0)} MB`);
  clearInterval(sampler);
  await disconnectDb();
  await closeRaw();
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
