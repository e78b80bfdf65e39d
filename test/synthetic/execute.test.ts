import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRunRoute, GET as listRunsRoute } from "@/app/api/exec-runs/route";
import { GET as getRunRoute } from "@/app/api/exec-runs/[id]/route";
import { POST as cancelRunRoute } from "@/app/api/exec-runs/[id]/cancel/route";
import { POST as executeItemRoute } from "@/app/api/synthetic/items/[id]/execute/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { JobCancelledError } from "@/lib/jobs/abort-reasons";
import { createExecRun } from "@/lib/synthetic/execute/create-exec-run";
import { runExecRun } from "@/lib/synthetic/execute/run-exec-run";
import { jobRegistry } from "@/workers/registry";
import { bearer, params } from "../browse/fixtures";
import { useTestDatabase } from "../helpers/db";
import { INLINE_ITEMS, insertSyntheticItem, seedSyntheticDataset } from "./fixtures-review";

/** The synthetic.execute job over ExecRun rows, with a plain context (the worker-process test is in execute-worker.test.ts). */
useTestDatabase();
const BASE = "http://localhost:3000";
let tokens: { admin: string; annotator: string; viewer: string };
let ds: { datasetId: number; ids: number[] };

const item = (snippetId: number) => db().syntheticItem.findUniqueOrThrow({ where: { snippetId } });
const execRow = (id: number) => db().execRun.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  const admin = await createUser({ email: "admin@exec.test", password: "password123", role: "admin" });
  const annotator = await createUser({ email: "ann@exec.test", password: "password123", role: "annotator" });
  const viewer = await createUser({ email: "viewer@exec.test", password: "password123", role: "viewer" });
  tokens = { admin: (await createApiToken(admin.id, "t")).token, annotator: (await createApiToken(annotator.id, "t")).token, viewer: (await createApiToken(viewer.id, "t")).token };
  // in-ex-1, in-ex-2 pass; in-ex-3 fails its own test; in-tb-1 passes; in-tb-2 fails in its only python block.
  ds = await seedSyntheticDataset("exec", INLINE_ITEMS);
});

describe("execution runs", () => {
  it("execute every item: results on the items, counters on the run, exercises and textbook blocks alike", async () => {
    const run = await createExecRun({ datasetId: ds.datasetId }, null, jobRegistry);
    expect(run).toMatchObject({ status: "queued", scope: "all", snippetId: null, total: 0, job: { status: "queued" } });
    expect((await db().job.findUniqueOrThrow({ where: { id: run.job!.id } })).name).toBe("synthetic.execute");
    const progress: number[] = [];
    const result = await runExecRun(run.id, plainContext((done) => progress.push(done)));
    expect(result).toMatchObject({ status: "succeeded", total: 5, done: 5, passed: 3, failed: 2 });
    expect(await execRow(run.id)).toMatchObject({ status: "succeeded", total: 5, done: 5, passed: 3, failed: 2 });
    expect(progress.at(-1)).toBe(5);

    const [ex1, , ex3, tb1, tb2] = await Promise.all(ds.ids.map(item));
    expect(ex1).toMatchObject({ execStatus: "passed", execVersion: 1 });
    expect(ex1.execMs).toBeGreaterThan(0);
    expect(ex3.execStatus).toBe("failed");
    expect(ex3.execOutput).toMatch(/AssertionError/);
    expect(ex3.execOutput).toMatch(/File "program\.py", line \d+/);
    expect(tb1.execStatus).toBe("passed");
    expect(tb1.execOutput).toBe("[1, 2, 3]\n");
    expect(tb2.execStatus).toBe("error");
    expect(tb2.execOutput).toMatch(/KeyError: 'bob'/);
    expect(tb2.execOutput).toMatch(/\[python block 1 of 1 failed \(code block 1 of the section\)\]/);
  });

  it("a retried job skips what it already executed for this run, and counts nothing twice", async () => {
    const run = await createExecRun({ datasetId: ds.datasetId }, null, jobRegistry);
    // First attempt cancelled after two items.
    const controller = new AbortController();
    let seen = 0;
    const ctx = { ...plainContext(() => {}, controller.signal), reportProgress: async () => void (++seen === 2 && controller.abort(new JobCancelledError())) };
    const first = await runExecRun(run.id, { ...ctx, attempt: 1 });
    expect(first.status).toBe("cancelled");
    const afterFirst = await execRow(run.id);
    expect(afterFirst.done).toBeGreaterThanOrEqual(2);
    expect(afterFirst.done).toBeLessThan(5);
    // A retry of the same run (the job ran again): only the rest.
    await db().execRun.update({ where: { id: run.id }, data: { status: "running" } });
    const executed: number[] = [];
    const second = await runExecRun(run.id, { ...plainContext((done) => executed.push(done)), attempt: 2 });
    expect(second).toMatchObject({ status: "succeeded", done: 5, passed: 3, failed: 2, total: 5 });
    expect(executed.length).toBe(5 - afterFirst.done);
    // Running the finished run again changes nothing.
    expect(await runExecRun(run.id, plainContext())).toMatchObject({ status: "succeeded", done: 5 });
    expect(await execRow(run.id)).toMatchObject({ done: 5, passed: 3, failed: 2 });
  });

  it("scopes: failed re-runs what did not pass; unrun picks items never run or edited since", async () => {
    const failed = await createExecRun({ datasetId: ds.datasetId, scope: "failed" }, null, jobRegistry);
    expect(await runExecRun(failed.id, plainContext())).toMatchObject({ status: "succeeded", total: 2, done: 2, passed: 0, failed: 2 });

    const unrun0 = await createExecRun({ datasetId: ds.datasetId, scope: "unrun" }, null, jobRegistry);
    expect(await runExecRun(unrun0.id, plainContext())).toMatchObject({ status: "succeeded", total: 0, done: 0 });

    // An edit makes the last result stale: "unrun" picks that item.
    await db().syntheticItem.update({ where: { snippetId: ds.ids[1] }, data: { version: 2 } });
    const fresh = await insertSyntheticItem(ds.datasetId, { id: "new", kind: "exercise", prompt: "def one():\n", solution: "    return 1\n", tests: "assert one() == 1\n" });
    const unrun = await createExecRun({ datasetId: ds.datasetId, scope: "unrun" }, null, jobRegistry);
    expect(await runExecRun(unrun.id, plainContext())).toMatchObject({ status: "succeeded", total: 2, done: 2, passed: 2 });
    expect(await item(ds.ids[1])).toMatchObject({ execVersion: 2, execStatus: "passed" });
    expect(await item(fresh)).toMatchObject({ execVersion: 1, execStatus: "passed" });
  });

  it("a one-item run executes just that item, whatever its last result", async () => {
    const run = await createExecRun({ snippetId: ds.ids[2] }, null, jobRegistry);
    expect(run).toMatchObject({ datasetId: ds.datasetId, snippetId: ds.ids[2], total: 1 });
    const before = await item(ds.ids[0]);
    expect(await runExecRun(run.id, plainContext())).toMatchObject({ status: "succeeded", done: 1, failed: 1 });
    expect((await item(ds.ids[0])).execAt).toEqual(before.execAt);
  });

  it("a hostile exercise is stopped and reported; the run goes on with the next item", async () => {
    const hostile = await seedSyntheticDataset("hostile", [
      { id: "h1", kind: "exercise", prompt: "def spin():\n", solution: "    while True:\n        pass\n", tests: "spin()\n" },
      { id: "h2", kind: "exercise", prompt: "def fetch():\n", solution: "    import urllib.request\n    return urllib.request.urlopen('http://example.com').read()\n", tests: "assert fetch()\n" },
      { id: "h3", kind: "exercise", prompt: "def ok():\n", solution: "    return 1\n", tests: "assert ok() == 1\n" },
    ]);
    const run = await createExecRun({ datasetId: hostile.datasetId }, null, jobRegistry);
    const result = await runExecRun(run.id, plainContext(), { limits: { timeoutMs: 1_500 } });
    expect(result).toMatchObject({ status: "succeeded", done: 3, passed: 1, failed: 2 });
    const [spin, fetch, ok] = await Promise.all(hostile.ids.map(item));
    expect(spin.execStatus).toBe("timeout");
    expect(spin.execOutput).toMatch(/\[timeout: wall-clock limit/);
    expect(fetch.execStatus).toBe("error");
    expect(fetch.execOutput).toMatch(/\[sandbox denied: network access/);
    expect(ok.execStatus).toBe("passed");
  });
});

describe("execution routes", () => {
  const post = (handler: typeof createRunRoute, token: string, url: string, body?: unknown, p: Record<string, string> = {}) =>
    handler(bearer(token, `${BASE}${url}`, { method: "POST", ...(body !== undefined && { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) }), params(p));

  it("admins run a dataset, annotators one item; everyone reads runs; bad input is a clear 4xx", async () => {
    expect((await post(createRunRoute, tokens.annotator, "/api/exec-runs", { datasetId: ds.datasetId })).status).toBe(403);
    const created = await post(createRunRoute, tokens.admin, "/api/exec-runs", { datasetId: ds.datasetId, scope: "unrun" });
    expect(created.status).toBe(201);
    const { run } = await created.json();
    expect(run).toMatchObject({ datasetId: ds.datasetId, datasetName: "exec", scope: "unrun", status: "queued" });
    const bad = await post(createRunRoute, tokens.admin, "/api/exec-runs", { datasetId: ds.datasetId, scope: "some" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/scope must be all, unrun or failed/);
    expect((await post(createRunRoute, tokens.admin, "/api/exec-runs", { datasetId: 999_999 })).status).toBe(404);
    expect((await post(createRunRoute, tokens.admin, "/api/exec-runs", {})).status).toBe(400);

    const one = await post(executeItemRoute, tokens.annotator, `/api/synthetic/items/${ds.ids[0]}/execute`, undefined, { id: String(ds.ids[0]) });
    expect(one.status).toBe(201);
    expect((await one.json()).run).toMatchObject({ snippetId: ds.ids[0], total: 1 });
    expect((await post(executeItemRoute, tokens.viewer, `/api/synthetic/items/${ds.ids[0]}/execute`, undefined, { id: String(ds.ids[0]) })).status).toBe(403);
    expect((await post(executeItemRoute, tokens.annotator, `/api/synthetic/items/999999/execute`, undefined, { id: "999999" })).status).toBe(404);

    const got = await getRunRoute(bearer(tokens.viewer, `${BASE}/api/exec-runs/${run.id}`), params({ id: String(run.id) }));
    expect((await got.json()).run.id).toBe(run.id);
    const list = await listRunsRoute(bearer(tokens.viewer, `${BASE}/api/exec-runs?datasetId=${ds.datasetId}`), params({}));
    expect((await list.json()).runs[0].id).toBeGreaterThanOrEqual(run.id);

    const cancelled = await post(cancelRunRoute, tokens.admin, `/api/exec-runs/${run.id}/cancel`, undefined, { id: String(run.id) });
    expect((await cancelled.json()).run.status).toBe("cancelled");
    const again = await post(cancelRunRoute, tokens.admin, `/api/exec-runs/${run.id}/cancel`, undefined, { id: String(run.id) });
    expect(again.status).toBe(400);
    expect((await again.json()).error).toMatch(/already cancelled/);
  });
});

afterAll(async () => {
  await db().job.deleteMany();
});
