import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { useTestDatabase } from "../helpers/db";
import { seedDataset } from "./fixtures";

/** `syllabus label` as a user runs it: a real CLI process, a real worker process, the fake LLM server. */
const database = useTestDatabase();
const root = path.resolve(import.meta.dirname, "..", "..");
let fake: FakeOpenAI;
const workers: ReturnType<typeof spawn>[] = [];
const env = () => ({ ...process.env, DATABASE_URL: database.url(), OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: "sk-cli", JOB_POLL_MS: "50", JOB_HOUSEKEEPING_MS: "0" });

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["bin/syllabus.mjs", "label", ...args], { cwd: root, env: env(), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: "sk-cli" });
  await seedDataset("cli", 30);
});
afterEach(async () => {
  for (const w of workers.splice(0)) {
    if (w.exitCode === null && w.signalCode === null) {
      w.kill("SIGKILL");
      await new Promise((r) => w.on("exit", r));
    }
  }
});
afterAll(async () => {
  await fake?.close();
});

it("rejects usage errors with exit code 2", { timeout: 60_000 }, async () => {
  const cases: [string[], RegExp][] = [
    [[], /--dataset <name> is required/],
    [["--dataset", "nope"], /no dataset named "nope"/],
    [["--dataset", "cli", "--limit", "x"], /--limit must be a positive integer/],
    [["--dataset", "cli", "--concurrency", "100"], /concurrency must be 1–64/],
    [["--dataset", "cli", "--scope", "some"], /scope/],
  ];
  for (const [args, message] of cases) {
    const r = await cli(args);
    expect(r.code, args.join(" ")).toBe(2);
    expect(r.stderr).toMatch(message);
  }
  expect(await db().labelCampaign.count()).toBe(0);
});

it("prints the estimate, queues the campaign and with --wait --json follows a worker to the end", { timeout: 90_000 }, async () => {
  const queued = await cli(["--dataset", "cli", "--limit", "5"]);
  expect(queued.code).toBe(0);
  expect(queued.stdout).toMatch(/snippets\s+5/);
  expect(queued.stdout).toMatch(/Campaign \d+ queued as job \d+/);

  // One job at a time: the first campaign finishes before the second fixes its selection.
  const worker = spawn(process.execPath, ["--import", "tsx", "workers/main.ts"], { cwd: root, env: { ...env(), WORKER_CONCURRENCY: "1" }, stdio: "ignore" });
  workers.push(worker);
  const r = await cli(["--dataset", "cli", "--limit", "20", "--sample", "random", "--seed", "7", "--concurrency", "4", "--wait", "--json"]);
  expect(r.code, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.estimate).toMatchObject({ count: 20 });
  expect(out.campaign).toMatchObject({ status: "succeeded", total: 20, labeled: 20, failed: 0, filter: { sample: "random", seed: 7 } });
  // The first campaign ran too, on the same worker: 25 different snippets labeled once each.
  expect(await db().llmLabel.count()).toBe(25);
});
