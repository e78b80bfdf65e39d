import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { JobCancelledError, LeaseLostError } from "@/lib/jobs/abort-reasons";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { claimJob } from "@/lib/jobs/claim-job";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { executeJob } from "@/lib/jobs/execute-job";
import { startWorker, type WorkerHandle, type WorkerOptions } from "@/workers/run-worker";
import { useTestDatabase } from "../helpers/db";
import { echoJob, hooks, sleep, testRegistry, waitFor } from "./helpers";

useTestDatabase();

const lines: string[] = [];
let worker: WorkerHandle | undefined;
const start = (options: Partial<WorkerOptions> = {}) =>
  (worker = startWorker({ registry: testRegistry, pollMs: 20, leaseMs: 2_000, housekeepingMs: 0, log: (l) => lines.push(l), ...options }));
const enqueue = (n: number, maxAttempts?: number) => enqueueJob(db(), { name: "test.echo", payload: { n }, maxAttempts }, testRegistry);
const row = (id: number) => db().job.findUniqueOrThrow({ where: { id } });
// The worker logs an outcome after writing it (and the job's own log), so wait for the line rather than assume it.
const untilLine = (test: (l: string) => boolean, what: string) => waitFor(() => lines.some(test), 5_000, what);
const untilStatus = (id: number, status: string) => waitFor(async () => ((await row(id)).status === status ? row(id) : null), 15_000, `job ${id} ${status}`);

beforeEach(async () => {
  await db().job.deleteMany();
  lines.length = 0;
  hooks.run = undefined;
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

describe("worker", () => {
  it("runs a job, stores its progress durably and logs start and end with the duration", async () => {
    hooks.run = async ({ n }, ctx) => {
      for (let i = 1; i <= n; i++) await ctx.reportProgress(i, n, `item ${i}`);
    };
    const { id } = await enqueue(3);
    start();
    const done = await untilStatus(id, "succeeded");
    expect(done).toMatchObject({ attempt: 1, progressDone: 3, progressTotal: 3, message: "item 3", error: null });
    expect(lines.some((l) => l.startsWith(`job ${id} test.echo (attempt 1/5) started`))).toBe(true);
    await untilLine((l) => new RegExp(`^job ${id} test.echo \\(attempt 1/5\\) succeeded in \\d+\\.\\ds$`).test(l), "succeeded line");
  });

  it("retries a throwing handler with backoff, then fails it with the error", async () => {
    const attempts: number[] = [];
    hooks.run = async (_p, ctx) => {
      attempts.push(ctx.attempt);
      throw new Error(`exploded on attempt ${ctx.attempt}`);
    };
    const { id } = await enqueue(1, 3);
    start({ backoff: { baseMs: 40, maxMs: 200 } });
    const failed = await untilStatus(id, "failed");
    expect(attempts).toEqual([1, 2, 3]);
    expect(failed.attempt).toBe(3);
    expect(failed.error).toMatch(/^exploded on attempt 3\n\s+at /);
    await untilLine((l) => l.includes("failed for good"), "failed line");
    expect(lines.filter((l) => l.includes("retry in"))).toHaveLength(2);
  });

  it("fails a job whose stored payload no longer matches the schema, without running it", async () => {
    let ran = false;
    hooks.run = async () => void (ran = true);
    const { id } = await db().job.create({ data: { name: "test.echo", payload: '{"n":"not a number"}' } });
    start();
    const failed = await untilStatus(id, "failed");
    expect(ran).toBe(false);
    expect(failed.attempt).toBe(1);
    expect(failed.error).toMatch(/invalid payload for job "test.echo"/);
  });

  it("cancelling a running job aborts its signal; the job ends cancelled", async () => {
    let seen: unknown;
    hooks.run = async (_p, ctx) => {
      await new Promise<void>((resolve) => ctx.signal.addEventListener("abort", () => resolve(), { once: true }));
      seen = ctx.signal.reason;
      ctx.signal.throwIfAborted();
    };
    const { id } = await enqueue(1);
    start({ heartbeatMs: 50 });
    await untilStatus(id, "running");
    await cancelJob(id);
    const cancelled = await untilStatus(id, "cancelled");
    expect(seen).toBeInstanceOf(JobCancelledError);
    expect(cancelled.finishedAt).toBeInstanceOf(Date);
    await untilLine((l) => l.includes(`job ${id} test.echo (attempt 1/5) cancelled after`), "cancelled line");
  });

  it("runs up to `concurrency` jobs at once", async () => {
    let current = 0;
    let peak = 0;
    hooks.run = async () => {
      peak = Math.max(peak, ++current);
      await sleep(600); // long enough that all three claims land while the first job still runs
      current--;
    };
    const jobs = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => enqueue(n)));
    start({ concurrency: 3 });
    for (const j of jobs) await untilStatus(j.id, "succeeded");
    expect(peak).toBe(3);
  });

  it("stop() aborts running handlers and puts their jobs back in the queue", async () => {
    hooks.run = async (_p, ctx) => {
      await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve, { once: true }));
      return "stopped early"; // returning after an abort is still an interrupted run
    };
    const { id } = await enqueue(1);
    const w = start();
    await untilStatus(id, "running");
    expect(await w.stop()).toBe(true);
    expect(await row(id)).toMatchObject({ status: "queued", attempt: 1, workerId: null, leaseUntil: null });
  });

  it("stop() gives up on a handler that ignores its signal after the grace period, leaving the lease", async () => {
    let release!: () => void;
    hooks.run = () => new Promise<void>((resolve) => (release = resolve));
    const { id } = await enqueue(1);
    const w = start({ shutdownGraceMs: 100 });
    await untilStatus(id, "running");
    expect(await w.stop()).toBe(false);
    expect(await row(id)).toMatchObject({ status: "running" });
    release();
  });
});

describe("executeJob", () => {
  it("aborts the handler when its lease is taken over and writes nothing", async () => {
    const { id } = await enqueue(1);
    const job = (await claimJob({ workerId: "slow", names: ["test.echo"], leaseMs: 100 }))!;
    let reason: unknown;
    const outcome = executeJob(
      job,
      {
        ...echoJob,
        handler: async (_p: unknown, ctx: TaskContext) => {
          await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve, { once: true }));
          reason = ctx.signal.reason;
        },
      },
      { leaseMs: 100, heartbeatMs: 1_000 }, // heartbeats too rare: the lease lapses
    );
    await sleep(150);
    const thief = await claimJob({ workerId: "thief", names: ["test.echo"], leaseMs: 30_000 });
    expect(thief).toMatchObject({ id, attempt: 2 });
    expect(await outcome).toMatchObject({ status: "lost" });
    expect(reason).toBeInstanceOf(LeaseLostError);
    expect(await row(id)).toMatchObject({ status: "running", attempt: 2, workerId: "thief" });
  });

  it("throttles heartbeat and progress writes from chatty handlers", async () => {
    const { id } = await enqueue(1);
    const job = (await claimJob({ workerId: "w", names: ["test.echo"], leaseMs: 30_000 }))!;
    const outcome = await executeJob(
      job,
      {
        ...echoJob,
        handler: async (_p: unknown, ctx: TaskContext) => {
          for (let i = 1; i <= 10_000; i++) {
            await ctx.reportProgress(i, 10_000);
            await ctx.heartbeat();
          }
        },
      },
      { leaseMs: 30_000 },
    );
    expect(outcome.status).toBe("succeeded");
    expect(outcome.durationMs).toBeLessThan(5_000);
    expect(await row(id)).toMatchObject({ status: "succeeded", progressDone: 10_000, progressTotal: 10_000 });
  });
});
