/**
 * Export throughput: 1M snippets (bench/lib/seed-large.ts, the SQLite file the score benchmark also uses,
 * cached under the OS temp dir) exported through the real export function (createExport + runExport, as
 * the `export.run` job runs it) to Parquet and to JSONL.gz, side by side with a minimal write of the same
 * rows, already in memory, with the same libraries (hyparquet-writer, zlib) in the same run.
 *
 * Prints, per run: wall time, rows/s, MB/s of content in and of files out, peak RSS (sampled every 50 ms),
 * and the time split (selection + token counting, shard writing). The first export counts every snippet's
 * tokens (o200k, in threads); later runs find them cached — each line says which it was. Asserts nothing.
 *
 *   npm run bench -- export
 *   BENCH_SNIPPETS=100000 npx tsx bench/export.ts        # smaller
 *   BENCH_KEEP_TOKENS=1 npx tsx bench/export.ts          # do not reset the cached token counts first
 *   BENCH_RUNS=jsonl BENCH_KEEP_TOKENS=1 npx tsx bench/export.ts   # only some runs: parquet,jsonl,baselines
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { cachedRowCount, seedLarge } from "./lib/seed-large";

const SNIPPETS = Number(process.env.BENCH_SNIPPETS ?? 1_000_000);
const FILE = path.join(os.tmpdir(), `syllabus-bench-score-${SNIPPETS}.db`);
const RUNS = new Set((process.env.BENCH_RUNS ?? "parquet,jsonl,baselines").split(",").map((r) => r.trim()));
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-bench-export-"));

/** Peak RSS while `fn` runs, sampled every 50 ms (worker threads included: they share the process). */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakRss: number; ms: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakRss: peak, ms: performance.now() - t };
  } finally {
    clearInterval(timer);
  }
}

const mb = (n: number) => (n / 1e6).toFixed(1);
const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString("en-US");
const dirBytes = (dir: string): number =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((a, e) => a + (e.isDirectory() ? dirBytes(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size), 0);

async function main() {
  if (cachedRowCount(FILE) === SNIPPETS) console.log(`using cached ${FILE}`);
  else {
    console.log(`seeding ${SNIPPETS.toLocaleString("en-US")} snippets into ${FILE} (once; a few minutes)…`);
    const r = await seedLarge({ file: FILE, snippets: SNIPPETS });
    console.log(`seeded in ${r.seconds.toFixed(0)} s`);
  }
  const url = `file:${FILE}`;
  const { migrate } = await import("../lib/db/migrate");
  await migrate(url);
  process.env.DATABASE_URL = url;
  process.env.SYLLABUS_DATA_DIR = OUT;
  const { db, disconnectDb } = await import("../lib/db/client");
  const { closeRaw, rawSqlite } = await import("../lib/db/raw");
  const { plainContext } = await import("../lib/context");
  const { createExport } = await import("../lib/export/create-export");
  const { previewExport } = await import("../lib/export/preview-export");
  const { runExport } = await import("../lib/export/run-export");
  const { EXPORT_COLUMNS } = await import("../lib/export/types");
  const { GZIP_LEVEL, rowToJsonLine } = await import("../lib/export/write-jsonl-shard");
  const { closeTokenPool, tokenThreadCount } = await import("../lib/snippets/count-tokens-pool");
  const { ByteWriter, ParquetWriter } = await import("hyparquet-writer");
  const { jobRegistry } = await import("../workers/registry");

  const conn = rawSqlite();
  conn.exec(`DELETE FROM export; DELETE FROM job WHERE name = 'export.run'`);
  if (!process.env.BENCH_KEEP_TOKENS) {
    const t = performance.now();
    conn.exec(`UPDATE snippet SET "tokenCount" = NULL WHERE "tokenCount" IS NOT NULL`);
    console.log(`token counts reset in ${((performance.now() - t) / 1000).toFixed(1)} s (BENCH_KEEP_TOKENS=1 keeps them)`);
  }
  const datasetIds = (await db().dataset.findMany({ select: { id: true } })).map((d) => d.id);
  const contentBytes = Number((conn.prepare(`SELECT SUM("sizeBytes") AS b FROM snippet`).get() as { b: number }).b);
  console.log(`${SNIPPETS.toLocaleString("en-US")} snippets, ${mb(contentBytes)} MB of content; ${os.availableParallelism()} cores, ${tokenThreadCount()} token threads; load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  const spec = (format: "parquet" | "jsonl", name: string) => ({ datasetIds, filter: { mode: "all" as const }, excludeHumanRejected: false, format, shard: { bytes: 256_000_000 }, split: { validationFraction: 0.01 }, seed: 1, name });

  let p = await withPeakRss(() => previewExport(spec("parquet", "preview")));
  console.log(`preview (${p.value.tokensEstimated ? "tokens not counted yet" : "tokens cached"}): ${p.ms.toFixed(0)} ms, ${p.value.rows.toLocaleString("en-US")} rows, ${p.value.tokensEstimated ? "≈" : ""}${p.value.tokens.toLocaleString("en-US")} tokens${p.value.tokensEstimated ? ` (estimated for ${p.value.uncountedRows.toLocaleString("en-US")} rows)` : ""}, peak RSS ${mb(p.peakRss)} MB`);

  const results: { what: string; ms: number; rows: number; out: number; rss: number; note: string }[] = [];
  async function exportRun(format: "parquet" | "jsonl", label: string) {
    const dir = path.join(OUT, label);
    const { id } = await createExport({ spec: spec(format, label), outDir: dir }, jobRegistry);
    const r = await withPeakRss(() => runExport(id, plainContext()));
    if (r.value.status !== "succeeded") throw new Error(`export ${label}: ${r.value.status}`);
    const t = r.value.timings;
    const out = dirBytes(path.join(dir, "data"));
    const cached = t.tokenizedRows === 0;
    const note = cached
      ? `tokens cached; select ${(t.selectMs / 1000).toFixed(1)} s + write ${(t.writeMs / 1000).toFixed(1)} s`
      : `counted ${t.tokenizedRows.toLocaleString("en-US")} snippets' tokens in ${(t.tokenizeMs / 1000).toFixed(1)} s (${mb(contentBytes / (t.tokenizeMs / 1000))} MB/s); select ${(t.selectMs / 1000).toFixed(1)} s incl. that + write ${(t.writeMs / 1000).toFixed(1)} s`;
    results.push({ what: `export ${format}${cached ? "" : " (first: counts tokens)"}`, ms: r.ms, rows: r.value.rows, out, rss: r.peakRss, note });
    console.log(`${label}: ${(r.ms / 1000).toFixed(1)} s, ${note}, peak RSS ${mb(r.peakRss)} MB`);
    return r.value.timings;
  }

  if (RUNS.has("parquet")) {
    await exportRun("parquet", "parquet-cold");
    await exportRun("parquet", "parquet");
  }
  if (RUNS.has("jsonl")) await exportRun("jsonl", "jsonl");

  // Baselines: the same rows with the same libraries, the rows already in memory (reads excluded from the
  // time), one output file, nothing else (no shuffle, no shards, no hashing, no manifest).
  const read = conn.prepare(
    `SELECT s.id, d.name AS dataset, d.kind, s.content, s.language, s.source, s.path, s.license, s."externalId" AS external_id, s."tokenCount" AS token_count, s."llmScore" AS llm_score FROM snippet s JOIN dataset d ON d.id = s."datasetId" WHERE s.id > ? ORDER BY s.id LIMIT 10000`,
  );
  const batches = function* () {
    let after = 0;
    for (;;) {
      const rows = (read.all(after) as Record<string, unknown>[]).map((r): Record<string, unknown> => ({ ...r, human_score: null, classifier_prob: null, topic: null, audience: null, function_name: null, tests: null }));
      if (rows.length === 0) return;
      after = rows[rows.length - 1].id as number;
      yield rows;
    }
  };
  if (RUNS.has("baselines")) {
    const file = path.join(OUT, "baseline.parquet");
    const fd = fs.openSync(file, "w");
    const w = new ByteWriter(1 << 21);
    const flush = () => {
      fs.writeSync(fd, new Uint8Array(w.buffer, 0, w.index));
      w.index = 0;
    };
    const grow = w.ensure.bind(w);
    w.ensure = (n: number) => {
      if (w.index > 1 << 20) flush();
      grow(n);
    };
    (w as typeof w & { flush(): void }).flush = flush;
    w.finish = flush;
    const schema = [
      { name: "root", num_children: EXPORT_COLUMNS.length },
      ...EXPORT_COLUMNS.map((c) => ({ name: c.name, type: c.type === "int64" ? "INT64" : c.type === "int32" ? "INT32" : c.type === "double" ? "DOUBLE" : "BYTE_ARRAY", ...(c.type === "string" && { converted_type: "UTF8" }), repetition_type: c.nullable ? "OPTIONAL" : "REQUIRED" })),
    ] as ConstructorParameters<typeof ParquetWriter>[0]["schema"];
    let ms = 0;
    let rows = 0;
    let peak = 0;
    const pq = new ParquetWriter({ writer: w, schema, codec: "SNAPPY" });
    for (const batch of batches()) {
      const t = performance.now();
      pq.write({ columnData: EXPORT_COLUMNS.map((c) => ({ name: c.name, data: c.type === "int64" ? batch.map((r) => BigInt(r[c.name] as number)) : batch.map((r) => r[c.name] as never), ...(c.name === "content" && { encoding: "PLAIN" as const, statistics: false }) })), rowGroupSize: batch.length });
      ms += performance.now() - t;
      rows += batch.length;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const t = performance.now();
    pq.finish();
    fs.closeSync(fd);
    ms += performance.now() - t;
    results.push({ what: "baseline hyparquet-writer", ms, rows, out: fs.statSync(file).size, rss: peak, note: "write calls only, rows in memory" });
  }
  if (RUNS.has("baselines")) {
    const file = path.join(OUT, "baseline.jsonl.gz");
    const fd = fs.openSync(file, "w");
    const gzip = zlib.createGzip({ level: GZIP_LEVEL });
    gzip.on("data", (c: Buffer) => fs.writeSync(fd, c));
    const ended = new Promise((r) => gzip.on("end", r));
    let ms = 0;
    let rows = 0;
    let peak = 0;
    for (const batch of batches()) {
      const t = performance.now();
      let text = "";
      for (const r of batch) text += rowToJsonLine(r as never);
      if (!gzip.write(text)) await new Promise((r) => gzip.once("drain", r));
      ms += performance.now() - t;
      rows += batch.length;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const t = performance.now();
    gzip.end();
    await ended;
    fs.closeSync(fd);
    ms += performance.now() - t;
    results.push({ what: "baseline zlib gzip JSONL", ms, rows, out: fs.statSync(file).size, rss: peak, note: "JSON.stringify + gzip only, rows in memory" });
  }

  p = await withPeakRss(() => previewExport(spec("parquet", "preview")));
  console.log(`preview (tokens cached): ${p.ms.toFixed(0)} ms, ${p.value.tokens.toLocaleString("en-US")} tokens exact`);

  console.log("");
  console.log("| run | wall s | rows/s | content MB/s | output MB/s | output MB | peak RSS MB | notes |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---|");
  for (const r of results) {
    console.log(`| ${r.what} | ${(r.ms / 1000).toFixed(1)} | ${rate(r.rows, r.ms)} | ${mb(contentBytes / (r.ms / 1000))} | ${mb(r.out / (r.ms / 1000))} | ${mb(r.out)} | ${mb(r.rss)} | ${r.note} |`);
  }
  await closeTokenPool();
  await disconnectDb();
  await closeRaw();
  fs.rmSync(OUT, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  fs.rmSync(OUT, { recursive: true, force: true });
  process.exit(1);
});
