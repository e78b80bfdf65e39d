import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { createJobRegistry } from "@/lib/jobs/job-definition";
import { useTestDatabase } from "../helpers/db";
import { recordJob, slowJob } from "./fixtures/test-jobs";
import { waitFor } from "./helpers";
import { killWorkers, spawnWorker as spawnWorkerProcess, type WorkerProcess } from "./spawn-worker";

/** Real worker processes (node --import tsx workers/main.ts), with test jobs loaded via SYLLABUS_EXTRA_JOBS. */
const database = useTestDatabase();
const fixture = path.join(import.meta.dirname, "fixtures", "test-jobs.ts");
const registry = createJobRegistry([slowJob, recordJob]);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-worker-"));
let logFile = "";
const children: WorkerProcess[] = [];

function spawnWorker(env: Record<string, string> = {}, args: string[] = []): WorkerProcess {
  const handle = spawnWorkerProcess({ url: database.url(), extraJobs: fixture, env, args });
  children.push(handle);
  return handle;
}

const row = (id: number) => db().job.findUniqueOrThrow({ where: { id } });
const logLines = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").trim().split("\n").filter(Boolean) : []);

beforeEach(async () => {
  await db().job.deleteMany();
  logFile = path.join(tmp, `${Date.now()}-${Math.random().toString(36).slice(2)}.log`);
});
afterEach(() => killWorkers(children.splice(0)));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SLOW = { timeout: 120_000 };

it("a worker killed with SIGKILL mid-job: after its lease expires another worker runs the job to the end", SLOW, async () => {
  const job = await enqueueJob(db(), { name: "test.slow", payload: { key: "k", steps: 15, stepMs: 100, log: logFile } }, registry);
  const first = spawnWorker();
  // Progress is durable: it is visible in the database while the job runs.
  await waitFor(async () => (await row(job.id)).progressDone >= 2, 45_000, "progress from the first worker");
  first.child.kill("SIGKILL");
  expect(await first.exited).toEqual({ code: null, signal: "SIGKILL" });
  expect((await row(job.id)).status).toBe("running"); // nobody settled it: the lease has to expire

  const second = spawnWorker();
  const done = await waitFor(async () => ((await row(job.id)).status === "succeeded" ? row(job.id) : null), 45_000, "job succeeded");
  // Normally attempt 2; on a badly overloaded machine the second worker may itself miss a heartbeat and
  // re-run the job, which is still correct at-least-once behaviour.
  expect(done.attempt).toBeGreaterThanOrEqual(2);
  expect(done).toMatchObject({ progressDone: 15, progressTotal: 15 });
  const lines = logLines();
  expect(lines[0]).toBe(`start k 1 ${first.child.pid}`);
  expect(lines).toContain(`start k 2 ${second.child.pid}`);
  expect(lines.filter((l) => l.startsWith("done k"))).toEqual([`done k ${done.attempt} ${second.child.pid}`]);
  // The job log keeps the finishing attempt's trail (lines of the killed one are kept when they were flushed,
  // about once a second, before the kill).
  const attemptLog = async () => (await db().jobLog.findMany({ where: { jobId: job.id, attempt: done.attempt }, orderBy: { id: "asc" } })).map((l) => l.message);
  // Written right after the outcome, so it may trail the status by a moment.
  const jobLog = await waitFor(async () => ((await attemptLog()).some((m) => m.startsWith("succeeded in")) ? attemptLog() : null), 10_000, "job log complete");
  expect(jobLog[0]).toMatch(new RegExp(`^attempt ${done.attempt}/5 started by worker [^ ]+:${second.child.pid}:`));
  expect(jobLog.at(-1)).toMatch(/^succeeded in \d+\.\d s$/);

  second.child.kill("SIGTERM");
  expect((await second.exited).code).toBe(0);
  expect(second.output()).toMatch(/job \d+ test\.slow \(attempt 2\/5\) succeeded in \d+\.\ds/);
});

it("SIGTERM: stops claiming, interrupts the running job, hands it back to the queue and exits 0", SLOW, async () => {
  const job = await enqueueJob(db(), { name: "test.slow", payload: { key: "t", steps: 200, stepMs: 100, log: logFile } }, registry);
  const worker = spawnWorker();
  await waitFor(async () => (await row(job.id)).status === "running", 45_000, "job running");
  worker.child.kill("SIGTERM");
  const exit = await worker.exited;
  expect(exit).toEqual({ code: 0, signal: null });
  expect(await row(job.id)).toMatchObject({ status: "queued", attempt: 1, workerId: null, leaseUntil: null });
  expect(worker.output()).toMatch(/SIGTERM, stopping/);
  expect(worker.output()).toMatch(/back in the queue/);
  expect(worker.output()).toMatch(/worker: database (SQLite|PostgreSQL) /);
  expect(logLines().filter((l) => l.startsWith("done"))).toEqual([]);
});

it("two worker processes share the queue without running any job twice", SLOW, async () => {
  for (let i = 0; i < 30; i++) await enqueueJob(db(), { name: "test.record", payload: { key: `r${i}`, log: logFile } }, registry);
  // A lease long enough that no overloaded-machine stall can expire one: any second run would be a bug.
  const workers = [spawnWorker({ JOB_LEASE_MS: "10000" }, ["--concurrency", "2"]), spawnWorker({ JOB_LEASE_MS: "10000" }, ["--concurrency", "2"])];
  await waitFor(async () => (await db().job.count({ where: { status: "succeeded" } })) === 30, 45_000, "30 jobs succeeded");
  const runs = logLines().filter((l) => l.startsWith("run "));
  const byKey = new Map<string, string[]>();
  for (const l of runs) byKey.set(l.split(" ")[1], [...(byKey.get(l.split(" ")[1]) ?? []), l]);
  const repeated = [...byKey].filter(([, l]) => l.length > 1);
  if (repeated.length) console.error(JSON.stringify(repeated), workers.map((w) => w.output()).join("\n----\n"), JSON.stringify(await db().job.findMany({ where: { attempt: { gt: 1 } } })));
  expect(repeated).toEqual([]);
  expect(runs).toHaveLength(30);
  expect(new Set(runs.map((l) => l.split(" ")[1])).size).toBe(30);
  expect(runs.every((l) => l.split(" ")[2] === "1")).toBe(true);
  // One worker can drain the queue while the other is still booting; SIGTERM is about a started worker.
  for (const w of workers) await waitFor(async () => /started, concurrency/.test(w.output()), 45_000, "worker started");
  for (const w of workers) w.child.kill("SIGTERM");
  for (const w of workers) expect((await w.exited).code).toBe(0);
});

it("refuses to start with an invalid DATABASE_URL or option, hiding passwords", SLOW, async () => {
  const bad = spawnWorker({ DATABASE_URL: "mysql://root:hunter2@db/x" });
  expect([1, 2]).toContain((await bad.exited).code); // rejected by the CLI dispatcher or the worker's env check
  expect(bad.output()).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
  expect(bad.output()).not.toContain("hunter2");
  const badArg = spawnWorker({}, ["--concurrency", "0"]);
  expect((await badArg.exited).code).toBe(2);
  expect(badArg.output()).toMatch(/--concurrency must be an integer/);
});
