import { beforeEach, describe, expect, it } from "vitest";
import { db, type Db } from "@/lib/db/client";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { claimJob } from "@/lib/jobs/claim-job";
import { completeJob } from "@/lib/jobs/complete-job";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { failJob } from "@/lib/jobs/fail-job";
import { getJob } from "@/lib/jobs/get-job";
import { heartbeatJob } from "@/lib/jobs/heartbeat";
import { listJobs } from "@/lib/jobs/list-jobs";
import { requeueExpiredJobs } from "@/lib/jobs/requeue-expired-jobs";
import { retryJob } from "@/lib/jobs/retry-job";
import { testDialect, useTestDatabase } from "../helpers/db";
import { newClient, sleep, testRegistry } from "./helpers";

const database = useTestDatabase();
const names = testRegistry.names();
const enqueue = (n = 1, extra: { maxAttempts?: number; runAt?: Date } = {}) => enqueueJob(db(), { name: "test.echo", payload: { n }, ...extra }, testRegistry);
const claim = (workerId = "w1", leaseMs = 30_000, client?: Db) => claimJob({ workerId, names, leaseMs }, client);
// Simulates a dead worker without sleeping: its lease ran out a second ago.
const expireLeases = () => db().job.updateMany({ where: { status: "running" }, data: { leaseUntil: new Date(Date.now() - 1_000) } });

beforeEach(async () => {
  await db().job.deleteMany();
});

describe("enqueueJob", () => {
  it("writes the job in the caller's transaction: a rollback leaves no job", async () => {
    await expect(
      db().$transaction(async (tx) => {
        await enqueueJob(tx, { name: "test.echo", payload: { n: 1 } }, testRegistry);
        throw new Error("domain write failed");
      }),
    ).rejects.toThrow("domain write failed");
    expect(await db().job.count()).toBe(0);

    await db().$transaction(async (tx) => {
      await tx.dataset.create({ data: { name: "ds-enqueue" } });
      await enqueueJob(tx, { name: "test.echo", payload: { n: 2 }, maxAttempts: 2 }, testRegistry);
    });
    const [job] = await db().job.findMany();
    expect(job).toMatchObject({ name: "test.echo", status: "queued", attempt: 0, maxAttempts: 2, payload: '{"n":2}' });
  });

  it("validates the payload with the job's schema and rejects unknown jobs", async () => {
    // @ts-expect-error payload type is checked at compile time too
    await expect(enqueueJob(db(), { name: "test.echo", payload: { n: "x" } }, testRegistry)).rejects.toThrow(/invalid payload for job "test.echo"/);
    // @ts-expect-error unknown name
    await expect(enqueueJob(db(), { name: "nope", payload: {} }, testRegistry)).rejects.toThrow(/unknown job "nope"/);
    await expect(enqueueJob(db(), { name: "test.echo", payload: { n: 1 }, maxAttempts: 0 }, testRegistry)).rejects.toThrow();
    expect(await db().job.count()).toBe(0);
  });
});

describe("claimJob / completeJob", () => {
  it("leases the oldest due job, increments attempt, and completes it once", async () => {
    const first = await enqueue(1);
    await enqueue(2);
    const job = await claim("w1", 30_000);
    expect(job).toMatchObject({ id: first.id, status: "running", attempt: 1, workerId: "w1" });
    expect(job!.leaseUntil!.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(job!.startedAt).toBeInstanceOf(Date);

    expect(await completeJob(job!, { progress: { done: 5, total: 5, message: "ok" } })).toBe(true);
    expect(await completeJob(job!)).toBe(false); // already settled
    const done = await db().job.findUniqueOrThrow({ where: { id: job!.id } });
    expect(done).toMatchObject({ status: "succeeded", progressDone: 5, progressTotal: 5, message: "ok", leaseUntil: null });
    expect(done.finishedAt).toBeInstanceOf(Date);

    expect((await claim())!.id).not.toBe(first.id);
    expect(await claim()).toBeNull();
  });

  it.runIf(testDialect === "sqlite")("SQLite: times written in SQL have exactly Prisma's text format, so they compare as text", async () => {
    const { id } = await enqueue(1);
    await claim("w1", 1_000);
    const [raw] = await db().$queryRaw<{ runAt: string; leaseUntil: string; startedAt: string }[]>`
      SELECT "runAt" || '' AS "runAt", "leaseUntil" || '' AS "leaseUntil", "startedAt" || '' AS "startedAt" FROM "job" WHERE "id" = ${id}`;
    for (const text of Object.values(raw)) expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    expect(Date.parse(raw.leaseUntil) - Date.parse(raw.startedAt)).toBe(1_000);
  });

  it("skips jobs not yet due and jobs this worker has no handler for", async () => {
    await enqueue(1, { runAt: new Date(Date.now() + 60_000) });
    await enqueueJob(db(), { name: "test.other", payload: { n: 1 } }, testRegistry);
    expect(await claimJob({ workerId: "w", names: ["test.echo"], leaseMs: 1000 })).toBeNull();
    expect(await claimJob({ workerId: "w", names: [], leaseMs: 1000 })).toBeNull();
    const due = await enqueue(2, { runAt: new Date(Date.now() - 1000) });
    expect((await claimJob({ workerId: "w", names: ["test.echo"], leaseMs: 1000 }))?.id).toBe(due.id);
  });

  it("never hands the same job to two concurrent claimers (50 jobs, 4 claim loops on separate connections)", async () => {
    await db().job.createMany({ data: Array.from({ length: 50 }, (_, n) => ({ name: "test.echo", payload: JSON.stringify({ n }) })) });
    const clients = Array.from({ length: 4 }, () => newClient(database.url()));
    try {
      const claimed = await Promise.all(
        clients.map(async (client, w) => {
          const ids: number[] = [];
          for (;;) {
            const job = await claim(`w${w}`, 30_000, client);
            if (!job) return ids;
            ids.push(job.id);
          }
        }),
      );
      const all = claimed.flat();
      expect(all).toHaveLength(50);
      expect(new Set(all).size).toBe(50);
      expect(await db().job.count({ where: { status: "running", attempt: 1 } })).toBe(50);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });
});

describe("leases and fencing", () => {
  it("reclaims a job whose lease expired; the stale worker's writes are rejected", async () => {
    const { id } = await enqueue(1);
    const stale = (await claim("crashed"))!;
    expect(await claim("w2")).toBeNull(); // lease still valid
    await expireLeases();
    const fresh = (await claim("w2"))!;
    expect(fresh).toMatchObject({ id, attempt: 2, workerId: "w2" });

    expect(await heartbeatJob(stale, { leaseMs: 30_000 })).toEqual({ held: false });
    expect(await completeJob(stale)).toBe(false);
    expect(await failJob({ ...stale, maxAttempts: 5 }, new Error("late"))).toEqual({ status: "lost" });

    const beat = await heartbeatJob(fresh, { leaseMs: 30_000, progress: { done: 3, total: 10, message: "three" } });
    expect(beat).toMatchObject({ held: true, cancelRequested: false });
    expect(await completeJob(fresh)).toBe(true);
    expect(await db().job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "succeeded", attempt: 2, workerId: "w2", progressDone: 3, progressTotal: 10, message: "three" });
  });

  it("a lease written by the database really expires: a short one lapses, a renewed one does not", async () => {
    await enqueue(1);
    const job = (await claim("w1", 100))!;
    await sleep(300);
    expect(await claim("w2", 100)).toMatchObject({ id: job.id, attempt: 2 });
  });

  it("heartbeat extends the lease so the job is not reclaimed", async () => {
    await enqueue(1);
    const job = (await claim("w1", 1_000))!;
    const beat = await heartbeatJob(job, { leaseMs: 60_000 });
    expect(beat.held).toBe(true);
    if (beat.held) expect(beat.leaseUntil.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).leaseUntil!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await claim("w2")).toBeNull();
  });

  it("does not reclaim an expired job whose attempts are used up or whose cancel is pending; housekeeping settles them", async () => {
    const a = await enqueue(1, { maxAttempts: 1 });
    const b = await enqueue(2);
    const c = await enqueue(3);
    for (let i = 0; i < 3; i++) await claim("dead");
    await cancelJob(b.id);
    await expireLeases();
    expect(await claim("w2")).toMatchObject({ id: c.id, attempt: 2 });
    const result = await requeueExpiredJobs();
    expect(result).toEqual({ requeued: 0, failed: 1, cancelled: 1 });
    expect(await db().job.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "failed", workerId: null });
    expect((await db().job.findUniqueOrThrow({ where: { id: a.id } })).error).toMatch(/lease expired/);
    expect(await db().job.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: "cancelled" });
  });

  it("housekeeping requeues an expired running job, keeping its place in line", async () => {
    const job = await enqueue(1);
    await claim("dead");
    expect(await requeueExpiredJobs()).toEqual({ requeued: 0, failed: 0, cancelled: 0 });
    await expireLeases();
    expect(await requeueExpiredJobs()).toEqual({ requeued: 1, failed: 0, cancelled: 0 });
    const row = await db().job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: "queued", attempt: 1, leaseUntil: null, workerId: null });
    expect(row.runAt.getTime()).toBe(job.runAt.getTime());
    expect(await claim("w2")).toMatchObject({ id: job.id, attempt: 2 });
  });
});

describe("failJob", () => {
  it("requeues with exponential backoff while attempts remain, then fails keeping the error", async () => {
    const { id } = await enqueue(1, { maxAttempts: 2 });
    const first = (await claim())!;
    const before = Date.now();
    const r1 = await failJob(first, new Error("boom 1"), { backoff: { baseMs: 60_000, random: () => 0 } });
    expect(r1).toEqual({ status: "queued", retryInMs: 30_000 });
    const queued = await db().job.findUniqueOrThrow({ where: { id } });
    expect(queued.status).toBe("queued");
    expect(queued.error).toMatch(/^boom 1\n\s+at /);
    expect(queued.runAt.getTime()).toBeGreaterThanOrEqual(before + 29_000);
    expect(await claim()).toBeNull(); // not due yet

    await db().job.update({ where: { id }, data: { runAt: new Date(Date.now() - 1) } });
    const second = (await claim())!;
    expect(second.attempt).toBe(2);
    expect(await failJob(second, new Error("boom 2"))).toEqual({ status: "failed" });
    const failed = await db().job.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "failed", attempt: 2, leaseUntil: null });
    expect(failed.error).toMatch(/^boom 2/);
    expect(failed.finishedAt).toBeInstanceOf(Date);
  });
});

describe("cancelJob / retryJob", () => {
  it("cancels a queued job at once and flags a running one for its worker", async () => {
    const queued = await enqueue(1);
    const running = await enqueue(2);
    await db().job.update({ where: { id: queued.id }, data: { runAt: new Date(Date.now() + 60_000) } });
    const job = (await claim())!;
    expect(job.id).toBe(running.id);

    expect(await cancelJob(queued.id)).toMatchObject({ status: "cancelled" });
    expect(await cancelJob(running.id)).toMatchObject({ status: "running", cancelRequested: true });
    expect(await heartbeatJob(job, { leaseMs: 1000 })).toMatchObject({ held: true, cancelRequested: true });
    expect(await cancelJob(999_999)).toBeNull();
  });

  it("retries a failed job with fresh attempts and refuses jobs that are not failed or cancelled", async () => {
    const { id } = await enqueue(1, { maxAttempts: 1 });
    const job = (await claim())!;
    await expect(retryJob(id)).rejects.toThrow(/only failed or cancelled/);
    await failJob(job, new Error("nope"));
    const retried = await retryJob(id);
    expect(retried).toMatchObject({ status: "queued", attempt: 1, maxAttempts: 4, error: null, cancelRequested: false });
    expect(await claim()).toMatchObject({ id, attempt: 2 });
  });
});

describe("listJobs / getJob", () => {
  it("lists newest first with filters and keyset paging", async () => {
    const ids: number[] = [];
    for (let n = 0; n < 5; n++) ids.push((await enqueue(n)).id);
    await enqueueJob(db(), { name: "test.other", payload: { n: 9 } }, testRegistry);
    const page1 = await listJobs({ name: "test.echo", limit: 3 });
    expect(page1.jobs.map((j) => j.id)).toEqual([ids[4], ids[3], ids[2]]);
    const page2 = await listJobs({ name: "test.echo", limit: 3, before: page1.nextBefore! });
    expect(page2.jobs.map((j) => j.id)).toEqual([ids[1], ids[0]]);
    expect(page2.nextBefore).toBeNull();
    expect((await listJobs({ status: "running" })).jobs).toEqual([]);

    const view = await getJob(ids[0]);
    expect(view).toMatchObject({ id: ids[0], name: "test.echo", status: "queued", payload: { n: 0 }, progress: null });
    expect(typeof view!.createdAt).toBe("string");
    expect(await getJob(999_999)).toBeNull();
  });
});
