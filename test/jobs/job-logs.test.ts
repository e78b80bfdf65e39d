import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { createJobLogBuffer } from "@/lib/jobs/job-log-buffer";
import { listJobLogs } from "@/lib/jobs/list-job-logs";
import { requestJobCancel } from "@/lib/jobs/request-job-cancel";
import { startWorker, type WorkerHandle } from "@/workers/run-worker";
import { useTestDatabase } from "../helpers/db";
import { hooks, sleep, testRegistry, waitFor } from "./helpers";

useTestDatabase();

let worker: WorkerHandle | undefined;
const start = () => (worker = startWorker({ registry: testRegistry, pollMs: 20, leaseMs: 3_000, heartbeatMs: 200, housekeepingMs: 0, backoff: { baseMs: 30, maxMs: 60 }, log: () => {} }));
const enqueue = (n: number, maxAttempts?: number) => enqueueJob(db(), { name: "test.echo", payload: { n }, maxAttempts }, testRegistry);
const row = (id: number) => db().job.findUniqueOrThrow({ where: { id } });
const untilStatus = (id: number, status: string) => waitFor(async () => ((await row(id)).status === status ? row(id) : null), 15_000, `job ${id} ${status}`);
const messages = async (jobId: number) => (await db().jobLog.findMany({ where: { jobId }, orderBy: { id: "asc" } })).map((l) => `${l.attempt} ${l.level} ${l.message}`);

beforeEach(async () => {
  await db().job.deleteMany();
  hooks.run = undefined;
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

describe("job logs", () => {
  it("writes ctx.log lines while the handler still runs, then the outcome, tagged with the attempt", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    hooks.run = async (_p, ctx) => {
      ctx.log("fetching page 1");
      ctx.log("rate limited, slowing down", "warn");
      await gate;
      ctx.log("done");
    };
    const { id } = await enqueue(1);
    start();
    // Flushed by the log timer (about once a second), before the handler returns.
    await waitFor(async () => (await messages(id)).some((m) => m.includes("rate limited")), 10_000, "live log lines");
    expect((await row(id)).status).toBe("running");
    release();
    await untilStatus(id, "succeeded");
    await waitFor(async () => (await messages(id)).some((m) => m.includes("succeeded in")), 5_000, "outcome line");
    const lines = await messages(id);
    expect(lines[0]).toMatch(new RegExp(`^1 info attempt 1/5 started by worker ${worker!.workerId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    expect(lines.slice(1)).toEqual(["1 info fetching page 1", "1 warn rate limited, slowing down", "1 info done", expect.stringMatching(/^1 info succeeded in \d+\.\d s$/)]);
  });

  it("records each failed attempt's error with its stack, the scheduled retry and how far it got", async () => {
    hooks.run = async (_p, ctx) => {
      ctx.log(`trying, attempt ${ctx.attempt}`);
      await ctx.reportProgress(ctx.attempt, 4);
      throw new Error(`boom ${ctx.attempt}`);
    };
    const { id } = await enqueue(1, 2);
    start();
    // The progress an attempt reached is kept with its failure.
    expect(await untilStatus(id, "failed")).toMatchObject({ progressDone: 2, progressTotal: 4, message: "failed on attempt 2 of 2" });
    await waitFor(async () => (await messages(id)).some((m) => m.includes("failed for good")), 5_000, "final line");
    const lines = await messages(id);
    expect(lines.filter((l) => l.startsWith("1 "))).toEqual([
      expect.stringMatching(/^1 info attempt 1\/2 started by worker /),
      "1 info trying, attempt 1",
      expect.stringMatching(/^1 error boom 1\n\s+at /),
      expect.stringMatching(/^1 warn attempt failed after \d+\.\d s; retry scheduled in \d+\.\d s$/),
    ]);
    expect(lines.filter((l) => l.startsWith("2 "))).toEqual([
      expect.stringMatching(/^2 info attempt 2\/2 started by worker /),
      "2 info trying, attempt 2",
      expect.stringMatching(/^2 error boom 2\n/),
      expect.stringMatching(/^2 error failed for good after /),
    ]);
  });

  it("keeps the first lines of a chatty attempt, says how many were dropped, and truncates long lines", async () => {
    hooks.run = async (_p, ctx) => {
      ctx.log("x".repeat(10_000));
      for (let i = 0; i < 2_100; i++) ctx.log(`line ${i}`);
    };
    const { id } = await enqueue(1);
    start();
    await untilStatus(id, "succeeded");
    await waitFor(async () => (await messages(id)).some((m) => m.includes("succeeded in")), 5_000, "outcome line");
    const lines = await messages(id);
    // start line + 2,000 handler lines + dropped notice + outcome
    expect(lines).toHaveLength(2_003);
    expect(lines[1]).toHaveLength("1 info ".length + 4_000);
    expect(lines[2_000]).toBe("1 info line 1998");
    expect(lines).toContain("1 warn … 101 more lines dropped (the log keeps the first 2000 lines of an attempt)");
  });

  it("notes a cancel request and the cancel itself", async () => {
    hooks.run = async (_p, ctx) => {
      while (!ctx.signal.aborted) await sleep(20);
    };
    const { id } = await enqueue(1);
    start();
    await untilStatus(id, "running");
    const view = await requestJobCancel({ id, by: "admin@example.test" });
    expect(view).toMatchObject({ id, status: "running", cancelRequested: true });
    await untilStatus(id, "cancelled");
    await waitFor(async () => (await messages(id)).some((m) => m.includes("cancelled after")), 5_000, "cancel line");
    const lines = await messages(id);
    expect(lines).toContain("1 warn cancel requested by admin@example.test");
    expect(lines.at(-1)).toMatch(/^1 warn cancelled after /);
    await expect(requestJobCancel({ id, by: "a" })).rejects.toMatchObject({ status: 409 });
    await expect(requestJobCancel({ id: 999_999, by: "a" })).rejects.toMatchObject({ status: 404 });
  });

  it("pages the log: the tail, then lines after a known id", async () => {
    const { id } = await enqueue(1);
    const buffer = createJobLogBuffer({ id, attempt: 1 });
    for (let i = 0; i < 12; i++) buffer.add(`l${i}`);
    await buffer.flush({ final: true });
    const tail = await listJobLogs(id, { limit: 5 });
    expect(tail.logs.map((l) => l.message)).toEqual(["l7", "l8", "l9", "l10", "l11"]);
    expect(tail).toMatchObject({ earlier: true, more: false });
    const first = await listJobLogs(id, { afterLogId: 0, limit: 5 });
    expect(first.logs.map((l) => l.message)).toEqual(["l0", "l1", "l2", "l3", "l4"]);
    expect(first.more).toBe(true);
    const next = await listJobLogs(id, { afterLogId: first.logs[4].id, limit: 50 });
    expect(next.logs.map((l) => l.message)).toEqual(["l5", "l6", "l7", "l8", "l9", "l10", "l11"]);
    expect(next.more).toBe(false);
    expect(typeof next.logs[0].createdAt).toBe("string");
  });

  it("never throws from add or flush: a line for a deleted job is reported and dropped", async () => {
    const { id } = await enqueue(1);
    const errors: string[] = [];
    const buffer = createJobLogBuffer({ id, attempt: 1 }, { onError: (m) => errors.push(m) });
    await db().job.delete({ where: { id } });
    buffer.add("orphan");
    await buffer.flush();
    expect(buffer.pending()).toBe(1);
    await buffer.flush({ final: true });
    expect(buffer.pending()).toBe(0);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(new RegExp(`^job ${id}: writing 1 log line\\(s\\) failed`));
  });
});
