import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "../helpers/db";
import { seedSynthetic, SMALL_DECLARED, smallSyntheticItems } from "./fixtures";

/** `syllabus diversity` as a user runs it: a real CLI process and a real worker process. */
const database = useTestDatabase();
const root = path.resolve(import.meta.dirname, "..", "..");
const workers: ReturnType<typeof spawn>[] = [];
const env = () => ({ ...process.env, DATABASE_URL: database.url(), JOB_POLL_MS: "50", JOB_HOUSEKEEPING_MS: "0" });
let seeded: Awaited<ReturnType<typeof seedSynthetic>>;

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["bin/syllabus.mjs", "diversity", ...args], { cwd: root, env: env(), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

beforeAll(async () => {
  seeded = await seedSynthetic("cli-synthetic", smallSyntheticItems(), { name: "first batch", ...SMALL_DECLARED });
});
afterEach(async () => {
  for (const w of workers.splice(0)) {
    if (w.exitCode === null && w.signalCode === null) {
      w.kill("SIGKILL");
      await new Promise((r) => w.on("exit", r));
    }
  }
});

it("rejects usage errors with exit code 2", { timeout: 60_000 }, async () => {
  const cases: [string[], RegExp][] = [
    [[], /--dataset is required/],
    [["--dataset", "nope"], /no dataset named "nope"/],
    [["--dataset", "cli-synthetic", "--campaign", "other"], /no generation campaign "other"/],
    [["--dataset", "cli-synthetic", "--sample", "x"], /--sample must be a number/],
    [["--dataset", "cli-synthetic", "--threshold", "2"], /threshold/],
    [["--dataset", "cli-synthetic", "--vectors", "bert"], /--vectors must be auto, tfidf or embeddings/],
  ];
  for (const [args, message] of cases) {
    const r = await cli(args);
    expect(r.code, args.join(" ")).toBe(2);
    expect(r.stderr).toMatch(message);
  }
  expect(await db().diversityReport.count()).toBe(0);
  const latest = await cli(["--dataset", "cli-synthetic", "--latest"]);
  expect(latest.code).toBe(1);
  expect(latest.stderr).toMatch(/no finished report/);
});

it("queues a report, follows a worker with --wait, prints the figures; --latest reprints them", { timeout: 120_000 }, async () => {
  const worker = spawn(process.execPath, ["--import", "tsx", "workers/main.ts"], { cwd: root, env: { ...env(), WORKER_CONCURRENCY: "1" }, stdio: "ignore" });
  workers.push(worker);
  const r = await cli(["--dataset", "cli-synthetic", "--campaign", "first batch", "--wait", "--json"]);
  expect(r.code, r.stderr).toBe(0);
  const report = JSON.parse(r.stdout);
  expect(report).toMatchObject({ status: "succeeded", campaignId: seeded.campaignId, metrics: { items: 14, nearDup: { clusters: 1, duplicates: 1 } } });

  const text = await cli(["--dataset", "cli-synthetic", "--campaign", String(seeded.campaignId), "--latest"]);
  expect(text.code, text.stderr).toBe(0);
  expect(text.stdout).toMatch(/Diversity report \d+ \(dataset cli-synthetic, campaign first batch \(#\d+\)\): succeeded, 14 items/);
  expect(text.stdout).toMatch(/near-duplicates\s+7\.14 % of items \(1 in 1 clusters/);
  expect(text.stdout).toMatch(/topic × audience\s+7\/8 cells hit, normalized entropy 0\.\d+ \(campaign\)/);
  expect(text.stdout).toMatch(/Vendi score\s+\d+\.\d of 14 \(TF-IDF/);
});
