import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, expect, it } from "vitest";
import type { ExportManifest } from "@/lib/export/types";
import { useTestDatabase } from "../helpers/db";
import { killWorkers, spawnWorker, type WorkerProcess } from "../jobs/spawn-worker";
import { seedExportDataset, tempDir } from "./fixtures";

/** `syllabus export` as a user runs it: a real CLI process and a real worker process. */
const database = useTestDatabase();
const root = path.resolve(import.meta.dirname, "..", "..");
const workers: WorkerProcess[] = [];
let dataDir = "";

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["bin/syllabus.mjs", "export", ...args], { cwd: root, env: { ...process.env, DATABASE_URL: database.url(), SYLLABUS_DATA_DIR: dataDir, JOB_POLL_MS: "50" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

beforeAll(async () => {
  dataDir = tempDir("syllabus-export-cli-");
  await seedExportDataset("cli", 50);
  await seedExportDataset("cli2", 20);
});
afterEach(async () => {
  await killWorkers(workers.splice(0));
});

it("bad input exits with a clear message (2: usage error, 1: cannot start)", { timeout: 120_000 }, async () => {
  const cases: [string[], RegExp, number][] = [
    [[], /--dataset <name> is required/, 2],
    [["--dataset", "nope", "--all"], /no dataset named "nope"/, 2],
    [["--dataset", "cli", "--min-llm-score", "3", "--human-approved"], /choose one filter/, 2],
    [["--dataset", "cli", "--all", "--shard-bytes", "lots"], /--shard-bytes must be a size/, 2],
    // The default filter is the active model: without one, the command says what to do instead.
    [["--dataset", "cli"], /no classifier model is active/, 1],
  ];
  for (const [args, message, code] of cases) {
    const r = await cli(args);
    expect(r.stderr, args.join(" ")).toMatch(message);
    expect(r.code, args.join(" ")).toBe(code);
  }
});

it("--dry-run --json prints the preview; --wait follows a worker to a finished export in --out", { timeout: 180_000 }, async () => {
  const dry = await cli(["--dataset", "cli", "--dataset", "cli2", "--min-llm-score", "2", "--language", "python", "--shard-bytes", "4KB", "--validation", "0.1", "--dry-run", "--json"]);
  expect(dry.code).toBe(0);
  const { preview } = JSON.parse(dry.stdout);
  expect(preview.byDataset.map((d: { dataset: string }) => d.dataset).sort()).toEqual(["cli", "cli2"]);
  expect(preview.byLanguage).toEqual([expect.objectContaining({ language: "python" })]);

  const out = path.join(tempDir("syllabus-export-cli-out-"), "shards");
  const taken = tempDir("syllabus-export-cli-taken-");
  fs.writeFileSync(path.join(taken, "x"), "");
  const refused = await cli(["--dataset", "cli", "--all", "--out", taken]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/is not empty/);

  workers.push(spawnWorker({ url: database.url(), extraJobs: "", env: { SYLLABUS_DATA_DIR: dataDir } }));
  const r = await cli(["--dataset", "cli", "--dataset", "cli2", "--min-llm-score", "2", "--language", "python", "--format", "jsonl", "--shard-rows", "10", "--seed", "9", "--out", out, "--wait"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/Export \d+ succeeded/);
  expect(r.stdout).toContain(out);
  const m = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")) as ExportManifest;
  expect(m.rows).toBe(preview.rows);
  expect(m.seed).toBe(9);
  expect(m.shards.map((s) => s.file)[0]).toMatch(/^data\/train-00000-of-0000\d\.jsonl\.gz$/);
});
