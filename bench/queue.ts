/**
 * Queue throughput: jobs/s of real worker processes (`node --import tsx workers/main.ts`) running an empty
 * handler, on SQLite and PostgreSQL, with 1 and 2 processes, at each per-process concurrency given.
 *
 *   npx tsx bench/queue.ts [--jobs 2000] [--concurrency 1,4] [--dialects sqlite,postgres]
 *
 * Each run gets a fresh database (a temp SQLite file; a throwaway PostgreSQL database on BENCH_PG_URL, default
 * TEST_PG_URL or postgresql://postgres@127.0.0.1:5432/test). The workers are started first; then the jobs are
 * inserted in one statement and the clock runs from the first claim (min startedAt) to the last completion
 * (max finishedAt), both read from the job table. Every job's full cycle counts: claim, the start and outcome
 * lines of its job log, fenced completion. PostgreSQL is skipped with a note when unreachable.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { db, disconnectDb } from "@/lib/db/client";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/create-scratch-database";
import { closeRaw } from "@/lib/db/raw";
import type { Dialect } from "@/lib/db/url";

const { values } = parseArgs({
  options: { jobs: { type: "string", default: "2000" }, concurrency: { type: "string", default: "1,4" }, dialects: { type: "string", default: "sqlite,postgres" } },
});
const JOBS = Number(values.jobs);
const concurrencies = values.concurrency.split(",").map(Number);
const dialects = values.dialects.split(",") as Dialect[];
if (!Number.isInteger(JOBS) || JOBS < 1 || concurrencies.some((c) => !Number.isInteger(c) || c < 1 || c > 64) || dialects.some((d) => d !== "sqlite" && d !== "postgres")) {
  console.error("usage: npx tsx bench/queue.ts [--jobs N] [--concurrency 1,4] [--dialects sqlite,postgres]");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
const extraJobs = path.join(import.meta.dirname, "lib", "queue-jobs.ts");
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

type Result = { dialect: Dialect; processes: number; concurrency: number; seconds: number; jobsPerSecond: number; perWorker: number[] };

function freshDatabase(dialect: Dialect): Promise<ScratchDatabase> {
  return createScratchDatabase({ dialect, pgAdminUrl: PG_ADMIN_URL, prefix: "syllabus_bench_queue" });
}

function startWorker(url: string, concurrency: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "workers/main.ts", "--concurrency", String(concurrency)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, SYLLABUS_EXTRA_JOBS: extraJobs, JOB_POLL_MS: "20", JOB_HOUSEKEEPING_MS: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function runOnce(dialect: Dialect, processes: number, concurrency: number): Promise<Result> {
  const database = await freshDatabase(dialect);
  process.env.DATABASE_URL = database.url;
  const workers = Array.from({ length: processes }, () => startWorker(database.url, concurrency));
  try {
    for (const w of workers) await until(() => /started, concurrency/.test(w.output()) || w.child.exitCode !== null, 60_000, "worker start");
    const dead = workers.find((w) => w.child.exitCode !== null);
    if (dead) throw new Error(`a worker exited early:\n${dead.output()}`);
    await db().job.createMany({ data: Array.from({ length: JOBS }, () => ({ name: "bench.noop", payload: "{}" })) });
    await until(async () => (await db().job.count({ where: { status: "succeeded" } })) === JOBS, 600_000, "all jobs done");
    const span = await db().job.aggregate({ _min: { startedAt: true }, _max: { finishedAt: true } });
    const seconds = (span._max.finishedAt!.getTime() - span._min.startedAt!.getTime()) / 1000;
    const byWorker = await db().jobLog.groupBy({ by: ["message"], where: { message: { startsWith: "attempt 1/" } }, _count: { _all: true } });
    const perWorker = byWorker.map((g) => g._count._all).sort((a, b) => b - a);
    return { dialect, processes, concurrency, seconds, jobsPerSecond: JOBS / seconds, perWorker };
  } finally {
    for (const w of workers) w.child.kill("SIGTERM");
    await Promise.all(workers.map((w) => w.exited));
    await disconnectDb();
    await closeRaw();
    await database.drop();
  }
}

async function postgresReachable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await c.connect();
    await c.end();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

console.log(`${JOBS.toLocaleString("en-US")} empty jobs per run; ${os.cpus().length} CPU(s); worker processes started before the jobs are inserted\n`);
const results: Result[] = [];
for (const dialect of dialects) {
  if (dialect === "postgres") {
    const problem = await postgresReachable();
    if (problem) {
      console.log(`PostgreSQL skipped: ${PG_ADMIN_URL.replace(/:[^:@/]*@/, ":***@")} unreachable (${problem})`);
      continue;
    }
  }
  for (const concurrency of concurrencies) {
    for (const processes of [1, 2]) {
      process.stdout.write(`${dialect}, ${processes} process(es) × concurrency ${concurrency}… `);
      const r = await runOnce(dialect, processes, concurrency);
      console.log(`${r.seconds.toFixed(1)} s`);
      results.push(r);
    }
  }
}

const header = `${"database".padEnd(10)} ${"processes".padStart(9)} ${"concurrency".padStart(11)} ${"seconds".padStart(8)} ${"jobs/s".padStart(8)}  jobs per worker`;
console.log(`\n${header}\n${"-".repeat(header.length + 4)}`);
for (const r of results) {
  console.log(
    `${r.dialect.padEnd(10)} ${String(r.processes).padStart(9)} ${String(r.concurrency).padStart(11)} ${r.seconds.toFixed(2).padStart(8)} ${Math.round(r.jobsPerSecond).toLocaleString("en-US").padStart(8)}  ${r.perWorker.join(" / ")}`,
  );
}
