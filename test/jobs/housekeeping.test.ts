import { expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { claimJob } from "@/lib/jobs/claim-job";
import { runHousekeeping } from "@/workers/housekeeping";
import { useTestDatabase } from "../helpers/db";

useTestDatabase();

it("deletes expired sessions and verifications and requeues jobs of dead workers", async () => {
  const past = new Date(Date.now() - 60_000);
  const future = new Date(Date.now() + 3_600_000);
  await db().user.create({ data: { id: "u1", name: "U", email: "u@example.com" } });
  await db().session.createMany({
    data: [
      { id: "s-old", token: "t-old", userId: "u1", expiresAt: past, updatedAt: new Date() },
      { id: "s-new", token: "t-new", userId: "u1", expiresAt: future, updatedAt: new Date() },
    ],
  });
  await db().verification.createMany({
    data: [
      { id: "v-old", identifier: "x", value: "1", expiresAt: past, updatedAt: new Date() },
      { id: "v-new", identifier: "y", value: "2", expiresAt: future, updatedAt: new Date() },
    ],
  });
  const job = await db().job.create({ data: { name: "test.echo", payload: '{"n":1}' } });
  await claimJob({ workerId: "dead", names: ["test.echo"], leaseMs: 30_000 });
  await db().job.update({ where: { id: job.id }, data: { leaseUntil: new Date(Date.now() - 1_000) } }); // its worker died

  expect(await runHousekeeping()).toEqual({ sessions: 1, verifications: 1, requeued: 1, failed: 0, cancelled: 0, jobLogs: 0 });
  expect((await db().session.findMany()).map((s) => s.id)).toEqual(["s-new"]);
  expect((await db().verification.findMany()).map((v) => v.id)).toEqual(["v-new"]);
  expect(await db().job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "queued", attempt: 1 });
  expect(await runHousekeeping()).toEqual({ sessions: 0, verifications: 0, requeued: 0, failed: 0, cancelled: 0, jobLogs: 0 });
});

it("deletes the log lines of jobs finished longer ago than the retention, keeping the jobs", async () => {
  const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
  const old = await db().job.create({ data: { name: "test.echo", status: "failed", error: "x", finishedAt: daysAgo(40), createdAt: daysAgo(41) } });
  const recent = await db().job.create({ data: { name: "test.echo", status: "succeeded", finishedAt: daysAgo(2) } });
  const requeued = await db().job.create({ data: { name: "test.echo", status: "queued", attempt: 1, createdAt: daysAgo(90) } });
  for (const j of [old, recent, requeued]) await db().jobLog.createMany({ data: [{ jobId: j.id, attempt: 1, message: "a" }, { jobId: j.id, attempt: 1, message: "b" }] });

  expect(await runHousekeeping(undefined, { jobLogRetentionDays: 0 })).toMatchObject({ jobLogs: 0 });
  expect(await runHousekeeping()).toMatchObject({ jobLogs: 2 });
  expect(await db().jobLog.count({ where: { jobId: old.id } })).toBe(0);
  expect(await db().job.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ status: "failed", error: "x" });
  expect(await db().jobLog.count({ where: { jobId: { in: [recent.id, requeued.id] } } })).toBe(4);
  expect(await runHousekeeping(undefined, { jobLogRetentionDays: 1 })).toMatchObject({ jobLogs: 2 });
  expect(await db().jobLog.count({ where: { jobId: requeued.id } })).toBe(2);
});
