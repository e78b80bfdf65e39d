import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, expect, it } from "vitest";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { cancelExport } from "@/lib/export/cancel-export";
import { createExport } from "@/lib/export/create-export";
import { partialDirOf } from "@/lib/export/export-paths";
import { runExport } from "@/lib/export/run-export";
import type { ExportManifest, TExportSpec } from "@/lib/export/types";
import { jobRegistry } from "@/workers/registry";
import { useTestDatabase } from "../helpers/db";
import { sleep, waitFor } from "../jobs/helpers";
import { killWorkers, spawnWorker, type WorkerProcess } from "../jobs/spawn-worker";
import { seedExportDataset, tempDir } from "./fixtures";

/**
 * kill -9 of a real worker process in the middle of an export (slowed by a test-only pause after each
 * shard): the destination never exists half-written — polled the whole time, it is either absent or a
 * complete export matching its manifest — and a second worker finishes the job, reusing the shards already
 * written, with exactly the bytes of an uninterrupted export with the same seed.
 */
const database = useTestDatabase();
const workers: WorkerProcess[] = [];
let datasetId = 0;
let dataDir = "";

beforeAll(async () => {
  dataDir = tempDir("syllabus-export-kill-");
  process.env.SYLLABUS_DATA_DIR = dataDir;
  datasetId = (await seedExportDataset("kill", 400)).id;
});
afterEach(async () => {
  await killWorkers(workers.splice(0));
});

const worker = (env: Record<string, string>) => {
  const w = spawnWorker({ url: database.url(), extraJobs: "", env: { SYLLABUS_DATA_DIR: dataDir, ...env } });
  workers.push(w);
  return w;
};
const sha256 = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const spec = (): TExportSpec => ({ datasetIds: [datasetId], filter: { mode: "all" }, shard: { rows: 40 }, split: { validationFraction: 0.1 }, seed: 31337, name: "kill-test" });

/** Checks the destination: absent, or a complete export whose files match its manifest. Returns a problem or null. */
function inspect(dir: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const manifestFile = path.join(dir, "manifest.json");
  if (!fs.existsSync(manifestFile)) return `${dir} exists without manifest.json: ${fs.readdirSync(dir).join(", ")}`;
  const m = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as ExportManifest;
  const files = fs.readdirSync(path.join(dir, "data")).sort();
  const listed = m.shards.map((s) => path.basename(s.file)).sort();
  if (JSON.stringify(files) !== JSON.stringify(listed)) return `data/ holds ${files.join(", ")}, the manifest lists ${listed.join(", ")}`;
  for (const s of m.shards) if (sha256(path.join(dir, s.file)) !== s.sha256) return `${s.file} does not match its sha256`;
  if (fs.readdirSync(dir).sort().join(",") !== "README.md,data,manifest.json") return `unexpected files in ${dir}: ${fs.readdirSync(dir).join(", ")}`;
  return null;
}

it("a worker killed with SIGKILL mid-export: the destination is never partial; a new worker finishes it, reusing written shards, byte-identical to an uninterrupted export", { timeout: 180_000 }, async () => {
  const root = tempDir("syllabus-export-kill-out-");
  const reference = path.join(root, "reference");
  const ref = await createExport({ spec: spec(), outDir: reference }, jobRegistry);
  expect((await runExport(ref.id, plainContext())).status).toBe("succeeded");
  const refManifest = JSON.parse(fs.readFileSync(path.join(reference, "manifest.json"), "utf8")) as ExportManifest;
  expect(refManifest.shards.length).toBeGreaterThanOrEqual(9);

  const dest = path.join(root, "killed");
  const created = await createExport({ spec: spec(), outDir: dest }, jobRegistry);
  const partial = partialDirOf(dest, created.id);
  const problems: string[] = [];
  let polls = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const p = inspect(dest);
      if (p) problems.push(p);
      polls++;
      await sleep(20);
    }
  })();

  const first = worker({ SYLLABUS_EXPORT_TEST_SHARD_DELAY_MS: "700", JOB_LEASE_MS: "2000" });
  await waitFor(async () => (await db().exportShard.count({ where: { exportId: created.id } })) >= 1, 60_000, "a shard written by the first worker");
  first.child.kill("SIGKILL");
  expect(await first.exited).toEqual({ code: null, signal: "SIGKILL" });
  const atKill = await db().exportShard.findMany({ where: { exportId: created.id } });
  expect(atKill.length).toBeGreaterThanOrEqual(1);
  expect(atKill.length).toBeLessThanOrEqual(2);
  expect(fs.existsSync(dest)).toBe(false);
  expect((await db().export.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("running");
  // What the first worker left: a snapshot, its finished shards, maybe a .tmp of the shard in progress.
  expect(fs.existsSync(path.join(partial, ".state", "snapshot.json"))).toBe(true);
  const inodes = new Map(atKill.map((s) => [s.fileName, fs.statSync(path.join(partial, s.fileName)).ino]));

  const second = worker({ SYLLABUS_EXPORT_TEST_SHARD_DELAY_MS: "20", JOB_LEASE_MS: "1000" });
  const job = await waitFor(async () => {
    const j = await db().job.findUniqueOrThrow({ where: { id: created.jobId } });
    return j.status === "succeeded" ? j : null;
  }, 120_000, "export job succeeded");
  polling = false;
  await poller;
  expect(problems).toEqual([]);
  expect(polls).toBeGreaterThan(20);
  expect(job.attempt).toBeGreaterThanOrEqual(2);
  expect(inspect(dest)).toBeNull();
  expect(fs.existsSync(partial)).toBe(false);

  const m = JSON.parse(fs.readFileSync(path.join(dest, "manifest.json"), "utf8")) as ExportManifest;
  const { created_at: _a, export_id: _b, ...rest } = m;
  const { created_at: _c, export_id: _d, ...refRest } = refManifest;
  expect(rest).toEqual(refRest);
  for (const s of m.shards) expect(sha256(path.join(dest, s.file))).toBe(s.sha256);
  // The shards written before the kill were kept (same inode: renamed with the directory, not rewritten).
  for (const [file, ino] of inodes) expect(fs.statSync(path.join(dest, file)).ino).toBe(ino);
  const row = await db().export.findUniqueOrThrow({ where: { id: created.id } });
  expect(row).toMatchObject({ status: "succeeded", rows: refManifest.rows, shardCount: refManifest.shards.length });
  expect(second.output()).not.toMatch(/does not match its record/);

  second.child.kill("SIGTERM");
  expect((await second.exited).code).toBe(0);
});

it("cancelling a running export stops the worker and removes its temp directory", { timeout: 120_000 }, async () => {
  const dest = path.join(tempDir("syllabus-export-cancel-"), "out");
  const created = await createExport({ spec: { ...spec(), seed: 1 }, outDir: dest }, jobRegistry);
  worker({ SYLLABUS_EXPORT_TEST_SHARD_DELAY_MS: "500", JOB_LEASE_MS: "2000" });
  await waitFor(async () => (await db().exportShard.count({ where: { exportId: created.id } })) >= 1, 60_000, "a shard written");
  expect(fs.existsSync(partialDirOf(dest, created.id))).toBe(true);
  await cancelExport({ exportId: created.id });
  await waitFor(async () => (await db().export.findUniqueOrThrow({ where: { id: created.id } })).status === "cancelled", 30_000, "export cancelled");
  await waitFor(async () => (await db().job.findUniqueOrThrow({ where: { id: created.jobId } })).status === "cancelled", 30_000, "job cancelled");
  expect(fs.existsSync(partialDirOf(dest, created.id))).toBe(false);
  expect(fs.existsSync(dest)).toBe(false);
  expect(await db().exportShard.count({ where: { exportId: created.id } })).toBe(0);
  await expect(cancelExport({ exportId: created.id })).rejects.toThrow(/already cancelled/);
});
