import fs from "node:fs";
import path from "node:path";
import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { JobCancelledError, LeaseLostError } from "@/lib/jobs/abort-reasons";
import { releaseTokenPool } from "@/lib/snippets/count-tokens-pool";
import { buildDatasetCard } from "./build-dataset-card";
import { buildExportSnapshot, removeExportSnapshot, type ExportSnapshot } from "./build-export-snapshot";
import { buildManifest } from "./build-manifest";
import { outDirProblem, partialDirOf } from "./export-paths";
import { DeletedDatasetError, loadResolvedExport } from "./load-resolved-export";
import { planShards, type PlannedShard } from "./plan-shards";
import { readExportRows } from "./read-export-rows";
import { readManifest } from "./read-manifest";
import { hashFile, ShardFile } from "./shard-file";
import { toolVersion } from "./tool-version";
import type { ExportManifest, ExportRow, ManifestShard, ResolvedExport } from "./types";
import { writeJsonlShard } from "./write-jsonl-shard";
import { parquetWriterVersion, writeParquetShard } from "./write-parquet-shard";

// Rows read per query while writing a shard (≈ 1–5 MB of content).
const READ_BATCH = 1_000;

export type RunExportResult = {
  status: "succeeded" | "failed" | "cancelled" | "interrupted" | "gone" | "skipped";
  rows: number;
  shardsWritten: number;
  shardsReused: number;
  /** Where the time went: selecting (token counting included), counting tokens alone, writing shards. */
  timings: { selectMs: number; tokenizeMs: number; tokenizedRows: number; writeMs: number };
};

/** A problem a retry cannot fix (nothing matches, destination taken, dataset or model deleted): the export fails at once. */
class ExportProblem extends Error {}

/** Test knob: pause after each shard (lets a test kill the worker between shards). Never set in production. */
function testShardDelayMs(): number {
  const n = Number(process.env.SYLLABUS_EXPORT_TEST_SHARD_DELAY_MS ?? 0);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * The `export.run` job: writes an export into `<outDir>.partial-<id>` and renames it to `outDir` when
 * complete, so the destination either does not exist or holds a finished export.
 *
 * 1. Snapshot (once): the selection, tokens counted where missing, shuffled by the seed, saved in the temp
 *    directory (lib/export/build-export-snapshot.ts).
 * 2. Shards in order, planned from the snapshot (names final from the start): each written to `<file>.tmp`,
 *    fsynced, renamed, then recorded as an ExportShard with its sha256. A retry (crash, kill -9, shutdown)
 *    reuses the snapshot and skips every shard that is recorded and whose file still has that sha256.
 * 3. README.md, then manifest.json (atomically: its presence marks the temp directory complete), the
 *    snapshot removed, the directory renamed into place, the Export row finished.
 *
 * Cancel removes the temp directory; a worker shutdown leaves it for the next attempt.
 */
export async function runExport(exportId: number, ctx: TaskContext): Promise<RunExportResult> {
  const result: RunExportResult = { status: "succeeded", rows: 0, shardsWritten: 0, shardsReused: 0, timings: { selectMs: 0, tokenizeMs: 0, tokenizedRows: 0, writeMs: 0 } };
  const row = await db().export.findUnique({ where: { id: exportId } });
  if (!row) return { ...result, status: "gone" };
  if (row.status === "succeeded" || row.status === "cancelled" || row.status === "deleted") return { ...result, status: "skipped", rows: row.rows };
  await db().export.update({ where: { id: exportId }, data: { status: "running", error: null, startedAt: row.startedAt ?? new Date(), finishedAt: null } });
  const outDir = row.outDir;
  const partialDir = partialDirOf(outDir, exportId);
  try {
    const onDisk = readManifest(outDir);
    if (onDisk?.export_id === exportId) {
      await finishExport(exportId, onDisk);
      return { ...result, rows: onDisk.rows };
    }
    if (!readManifest(partialDir)) {
      const problem = outDirProblem(outDir);
      if (problem) throw new ExportProblem(problem);
      const resolved = await loadResolvedExport(row).catch((e: Error) => Promise.reject(e instanceof DeletedDatasetError ? new ExportProblem(e.message) : e));
      if (resolved.spec.filter.mode === "model" && !(await db().classifierModel.findUnique({ where: { id: resolved.spec.filter.modelId! }, select: { id: true } }))) {
        throw new ExportProblem(`classifier v${row.modelVersion} of this export was deleted (its scores went with it)`);
      }
      fs.mkdirSync(path.join(partialDir, "data"), { recursive: true });
      let t = performance.now();
      const snapshot = await buildExportSnapshot({ exportId, resolved, partialDir }, ctx);
      result.timings.selectMs = performance.now() - t;
      result.timings.tokenizeMs = snapshot.tokenized.ms;
      result.timings.tokenizedRows = snapshot.tokenized.rows;
      await releaseTokenPool();
      if (snapshot.n === 0) throw new ExportProblem("nothing to export: no snippet matches the filter");
      ctx.log(`${snapshot.n.toLocaleString("en-US")} rows selected (${snapshot.validation.toLocaleString("en-US")} for validation), seed ${resolved.spec.seed}`);
      t = performance.now();
      const shards = await writeShards({ exportId, resolved, snapshot, partialDir }, ctx, result);
      result.timings.writeMs = performance.now() - t;
      if (!shards) return settleAbort(exportId, partialDir, ctx.signal.reason, result);
      writeFinalFiles(partialDir, buildManifest({ exportId, resolved, snapshot, shards, createdAt: new Date(), toolVersion: toolVersion(), parquetWriterVersion: parquetWriterVersion() }));
    }
    removeExportSnapshot(partialDir);
    const manifest = readManifest(partialDir)!;
    // rename(2) replaces an empty directory atomically; anything else in the way was checked above.
    fs.renameSync(partialDir, outDir);
    await finishExport(exportId, manifest);
    ctx.log(`export complete: ${manifest.rows.toLocaleString("en-US")} rows, ${manifest.tokens.toLocaleString("en-US")} tokens, ${manifest.shards.length} shards in ${outDir}`);
    return { ...result, rows: manifest.rows };
  } catch (e) {
    if (ctx.signal.aborted) return settleAbort(exportId, partialDir, ctx.signal.reason, result);
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof ExportProblem) {
      ctx.log(message, "error");
      fs.rmSync(partialDir, { recursive: true, force: true });
      await db().exportShard.deleteMany({ where: { exportId } });
      await db().export.update({ where: { id: exportId }, data: { status: "failed", error: message, finishedAt: new Date() } });
      return { ...result, status: "failed" };
    }
    const job = row.jobId === null ? null : await db().job.findUnique({ where: { id: row.jobId }, select: { maxAttempts: true } });
    const last = !job || ctx.attempt >= job.maxAttempts;
    await db().export.update({ where: { id: exportId }, data: { error: message, ...(last && { status: "failed", finishedAt: new Date() }) } });
    // A failed export leaves nothing half-written behind (a retry that can still run keeps its progress).
    if (last) fs.rmSync(partialDir, { recursive: true, force: true });
    throw e;
  }
}

async function writeShards(
  o: { exportId: number; resolved: ResolvedExport; snapshot: ExportSnapshot; partialDir: string },
  ctx: TaskContext,
  result: RunExportResult,
): Promise<ManifestShard[] | null> {
  const { spec, model } = o.resolved;
  const { snapshot } = o;
  const train = snapshot.n - snapshot.validation;
  const plan: PlannedShard[] = [
    ...planShards({ split: "train", start: 0, end: train, sizes: snapshot.sizes, shard: spec.shard, format: spec.format }),
    ...planShards({ split: "validation", start: train, end: snapshot.n, sizes: snapshot.sizes, shard: spec.shard, format: spec.format }),
  ];
  const recorded = await db().exportShard.findMany({ where: { exportId: o.exportId } });
  // Rows of an earlier plan (none unless the snapshot was rebuilt) would contradict the manifest.
  const stale = recorded.filter((r) => !plan.some((p) => p.split === r.split && p.index === r.index && p.fileName === r.fileName));
  if (stale.length) await db().exportShard.deleteMany({ where: { id: { in: stale.map((r) => r.id) } } });
  const createdBy = `syllabus ${toolVersion()} (hyparquet-writer ${parquetWriterVersion()})`;
  const shards: ManifestShard[] = [];
  let done = 0;
  for (const p of plan) {
    if (ctx.signal.aborted) return null;
    const file = path.join(o.partialDir, p.fileName);
    const rec = recorded.find((r) => r.split === p.split && r.index === p.index && r.fileName === p.fileName);
    if (rec && fs.existsSync(file)) {
      const onDisk = await hashFile(file);
      if (onDisk.sha256 === rec.sha256 && onDisk.bytes === Number(rec.bytes)) {
        shards.push({ split: p.split, index: p.index, file: p.fileName, rows: rec.rows, tokens: Number(rec.tokens), bytes: Number(rec.bytes), sha256: rec.sha256 });
        result.shardsReused++;
        done += p.end - p.start;
        await ctx.reportProgress(done, snapshot.n, `${p.fileName} already written`);
        continue;
      }
      ctx.log(`${p.fileName} does not match its record; writing it again`, "warn");
    }
    const shardFile = new ShardFile(file);
    let written: { rows: number; tokens: number };
    try {
      const batches = readBatches(snapshot.ids.subarray(p.start, p.end), model?.id ?? null, ctx);
      written = spec.format === "parquet" ? await writeParquetShard(shardFile, batches, createdBy) : await writeJsonlShard(shardFile, batches);
    } catch (e) {
      shardFile.discard();
      if (ctx.signal.aborted) return null;
      throw e;
    }
    const { bytes, sha256 } = shardFile.commit();
    if (written.rows < p.end - p.start) ctx.log(`${p.fileName}: ${p.end - p.start - written.rows} snippets were deleted since the selection`, "warn");
    await db().exportShard.upsert({
      where: { exportId_split_index: { exportId: o.exportId, split: p.split, index: p.index } },
      create: { exportId: o.exportId, split: p.split, index: p.index, fileName: p.fileName, rows: written.rows, tokens: BigInt(written.tokens), bytes: BigInt(bytes), sha256 },
      update: { fileName: p.fileName, rows: written.rows, tokens: BigInt(written.tokens), bytes: BigInt(bytes), sha256 },
    });
    shards.push({ split: p.split, index: p.index, file: p.fileName, rows: written.rows, tokens: written.tokens, bytes, sha256 });
    result.shardsWritten++;
    done += p.end - p.start;
    await ctx.reportProgress(done, snapshot.n, `wrote ${p.fileName} (${shards.length}/${plan.length})`);
    const delay = testShardDelayMs();
    if (delay) await abortableSleep(delay, ctx.signal);
  }
  return shards;
}

/** The shard's rows in batches, the next batch read while the current one is encoded. */
async function* readBatches(ids: Int32Array, modelId: number | null, ctx: TaskContext): AsyncGenerator<ExportRow[]> {
  const read = (at: number) => readExportRows(Array.from(ids.subarray(at, at + READ_BATCH)), modelId);
  let next: Promise<ExportRow[]> | null = ids.length > 0 ? read(0) : null;
  for (let at = 0; next; at += READ_BATCH) {
    const current = await next;
    next = at + READ_BATCH < ids.length ? read(at + READ_BATCH) : null;
    // Settle the prefetch if the consumer stops early, so no rejection goes unhandled.
    next?.catch(() => {});
    ctx.signal.throwIfAborted();
    await ctx.heartbeat();
    yield current;
  }
}

function writeFinalFiles(partialDir: string, manifest: ExportManifest): void {
  const { created_at: _c, export_id: _e, ...stable } = manifest;
  fs.writeFileSync(path.join(partialDir, "README.md"), buildDatasetCard(stable));
  const temp = path.join(partialDir, "manifest.json.tmp");
  const fd = fs.openSync(temp, "w");
  try {
    fs.writeSync(fd, JSON.stringify(manifest, null, 2) + "\n");
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, path.join(partialDir, "manifest.json"));
}

async function finishExport(exportId: number, m: ExportManifest): Promise<void> {
  await db().export.update({
    where: { id: exportId },
    data: { status: "succeeded", rows: m.rows, tokens: BigInt(m.tokens), bytes: BigInt(m.bytes), shardCount: m.shards.length, manifest: JSON.stringify(m), error: null, finishedAt: new Date() },
  });
}

async function settleAbort(exportId: number, partialDir: string, reason: unknown, result: RunExportResult): Promise<RunExportResult> {
  if (reason instanceof LeaseLostError) return { ...result, status: "interrupted" };
  if (reason instanceof JobCancelledError) {
    fs.rmSync(partialDir, { recursive: true, force: true });
    await db().exportShard.deleteMany({ where: { exportId } });
    await db().export.update({ where: { id: exportId }, data: { status: "cancelled", finishedAt: new Date() } });
    return { ...result, status: "cancelled" };
  }
  await db().export.updateMany({ where: { id: exportId, status: "running" }, data: { status: "queued" } });
  return { ...result, status: "interrupted" };
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
