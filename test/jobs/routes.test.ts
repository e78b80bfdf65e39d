import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/jobs/route";
import { GET as detailRoute } from "@/app/api/jobs/[id]/route";
import { POST as cancelRoute } from "@/app/api/jobs/[id]/cancel/route";
import { POST as retryRoute } from "@/app/api/jobs/[id]/retry/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { createJobRegistry, defineJob } from "@/lib/jobs/job-definition";
import { z } from "zod";
import { useTestDatabase } from "../helpers/db";
import { bearer, params } from "../browse/fixtures";

useTestDatabase();

const registry = createJobRegistry([
  defineJob({ name: "corpus.import", payload: z.object({ importRunId: z.number().int() }), handler: async () => {} }),
  defineJob({ name: "llm.campaign", payload: z.object({ campaignId: z.number().int() }), handler: async () => {} }),
]);
const BASE = "http://localhost:3000";
const tokens = { admin: "", viewer: "" };
const ids = { queued: 0, running: 0, failed: 0, succeeded: 0 };

beforeAll(async () => {
  const admin = await createUser({ email: "admin@jobs.test", password: "password123", role: "admin" });
  const viewer = await createUser({ email: "viewer@jobs.test", password: "password123", role: "viewer" });
  tokens.admin = (await createApiToken(admin.id, "t")).token;
  tokens.viewer = (await createApiToken(viewer.id, "t")).token;
  const at = (s: number) => new Date(Date.now() - s * 1000);
  ids.succeeded = (await enqueueJob(db(), { name: "corpus.import", payload: { importRunId: 7 } }, registry)).id;
  await db().job.update({ where: { id: ids.succeeded }, data: { status: "succeeded", attempt: 1, progressDone: 300, progressTotal: 300, startedAt: at(70), finishedAt: at(10) } });
  ids.failed = (await enqueueJob(db(), { name: "llm.campaign", payload: { campaignId: 3 } }, registry)).id;
  await db().job.update({
    where: { id: ids.failed },
    data: { status: "failed", attempt: 5, startedAt: at(5), finishedAt: at(4), error: "TypeError: nope\n    at handler (x.ts:1:1)" },
  });
  ids.running = (await enqueueJob(db(), { name: "llm.campaign", payload: { campaignId: 4 } }, registry)).id;
  await db().job.update({ where: { id: ids.running }, data: { status: "running", attempt: 1, progressDone: 50, progressTotal: 200, startedAt: at(10), leaseUntil: new Date(Date.now() + 60_000) } });
  ids.queued = (await enqueueJob(db(), { name: "corpus.import", payload: { importRunId: 8 } }, registry)).id;
  await db().jobLog.createMany({ data: Array.from({ length: 8 }, (_, i) => ({ jobId: ids.running, attempt: 1, message: `line ${i}` })) });
});

const get = (url: string, token = tokens.viewer) => bearer(token, `${BASE}${url}`);
const post = (url: string, token = tokens.admin) => bearer(token, `${BASE}${url}`, { method: "POST" });

describe("jobs API", () => {
  it("needs a signed-in caller", async () => {
    expect((await listRoute(new Request(`${BASE}/api/jobs`), params({}))).status).toBe(401);
  });

  it("lists jobs newest first with progress, live duration, throughput, error summary, link and counts", async () => {
    const res = await listRoute(get("/api/jobs"), params({}));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.jobs.map((j: { id: number }) => j.id)).toEqual([ids.queued, ids.running, ids.failed, ids.succeeded]);
    expect(body.counts).toEqual({ queued: 1, running: 1, succeeded: 1, failed: 1, cancelled: 0 });
    const [queued, running, failed, succeeded] = body.jobs;
    expect(queued).toMatchObject({ status: "queued", durationMs: null, throughput: null, link: { href: "/imports" } });
    expect(running).toMatchObject({ progress: 0.25, link: { href: `/campaigns/4`, label: "Campaign 4" } });
    expect(running.durationMs).toBeGreaterThanOrEqual(9_000);
    expect(running.throughput).toBeGreaterThan(3);
    expect(running.throughput).toBeLessThan(6);
    expect(failed).toMatchObject({ errorSummary: "TypeError: nope", attempt: 5 });
    expect(failed).not.toHaveProperty("error");
    expect(succeeded.durationMs).toBeGreaterThanOrEqual(59_000);
    expect(succeeded.durationMs).toBeLessThanOrEqual(61_000);
    expect(succeeded.throughput).toBeCloseTo(5, 0);
  });

  it("filters by status and name, pages with before, rejects bad filters", async () => {
    const failed = await (await listRoute(get("/api/jobs?status=failed"), params({}))).json();
    expect(failed.jobs.map((j: { id: number }) => j.id)).toEqual([ids.failed]);
    const imports = await (await listRoute(get("/api/jobs?name=corpus.import&limit=1"), params({}))).json();
    expect(imports.jobs.map((j: { id: number }) => j.id)).toEqual([ids.queued]);
    expect(imports.counts).toMatchObject({ queued: 1, succeeded: 1, running: 0 });
    const next = await (await listRoute(get(`/api/jobs?name=corpus.import&limit=1&before=${imports.nextBefore}`), params({}))).json();
    expect(next.jobs.map((j: { id: number }) => j.id)).toEqual([ids.succeeded]);
    for (const bad of ["status=done", "limit=0", "limit=x", "before=-1"]) {
      const res = await listRoute(get(`/api/jobs?${bad}`), params({}));
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error).toBeTruthy();
    }
  });

  it("shows one job with full error, payload and its log, and tails the log after an id", async () => {
    const failed = await (await detailRoute(get(`/api/jobs/${ids.failed}`), params({ id: String(ids.failed) }))).json();
    expect(failed.job).toMatchObject({ payload: { campaignId: 3 }, error: "TypeError: nope\n    at handler (x.ts:1:1)" });
    const tail = await (await detailRoute(get(`/api/jobs/${ids.running}?limit=3`), params({ id: String(ids.running) }))).json();
    expect(tail.logs.map((l: { message: string }) => l.message)).toEqual(["line 5", "line 6", "line 7"]);
    expect(tail.earlier).toBe(true);
    const after = await (await detailRoute(get(`/api/jobs/${ids.running}?afterLogId=${tail.logs[1].id}`), params({ id: String(ids.running) }))).json();
    expect(after.logs.map((l: { message: string }) => l.message)).toEqual(["line 7"]);
    expect((await detailRoute(get("/api/jobs/999999"), params({ id: "999999" }))).status).toBe(404);
    expect((await detailRoute(get("/api/jobs/abc"), params({ id: "abc" }))).status).toBe(400);
  });

  it("lets only admins cancel and retry, with clear conflicts", async () => {
    const p = (id: number) => params({ id: String(id) });
    expect((await cancelRoute(post(`/api/jobs/${ids.queued}/cancel`, tokens.viewer), p(ids.queued))).status).toBe(403);
    expect((await retryRoute(post(`/api/jobs/${ids.failed}/retry`, tokens.viewer), p(ids.failed))).status).toBe(403);

    const cancelled = await cancelRoute(post(`/api/jobs/${ids.queued}/cancel`), p(ids.queued));
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).job).toMatchObject({ id: ids.queued, status: "cancelled" });
    const again = await cancelRoute(post(`/api/jobs/${ids.queued}/cancel`), p(ids.queued));
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatch(/already cancelled/);
    const running = await (await cancelRoute(post(`/api/jobs/${ids.running}/cancel`), p(ids.running))).json();
    expect(running.job).toMatchObject({ status: "running", cancelRequested: true });

    const retried = await retryRoute(post(`/api/jobs/${ids.failed}/retry`), p(ids.failed));
    expect(retried.status).toBe(200);
    expect((await retried.json()).job).toMatchObject({ status: "queued", error: null, maxAttempts: 8 });
    expect((await retryRoute(post(`/api/jobs/${ids.succeeded}/retry`), p(ids.succeeded))).status).toBe(409);
    expect((await retryRoute(post("/api/jobs/999999/retry"), p(999_999))).status).toBe(404);
    expect((await cancelRoute(post("/api/jobs/999999/cancel"), p(999_999))).status).toBe(404);

    const log = await db().jobLog.findMany({ where: { jobId: { in: [ids.queued, ids.failed] } }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.message)).toEqual(["cancelled by admin@jobs.test before it ran", "retry requested by admin@jobs.test; 3 more attempt(s) allowed"]);
  });
});
