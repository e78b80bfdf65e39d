import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as trainRoute } from "@/app/api/models/route";
import { GET as activeRoute } from "@/app/api/models/active/route";
import { DELETE as deleteRoute, GET as getRoute } from "@/app/api/models/[id]/route";
import { POST as activateRoute } from "@/app/api/models/[id]/activate/route";
import { POST as scoreRoute } from "@/app/api/models/[id]/score/route";
import { GET as compareRoute } from "@/app/api/models/compare/route";
import { GET as flippedRoute } from "@/app/api/models/flipped/route";
import { db } from "@/lib/db/client";
import type { ModelDetail, ModelView } from "@/lib/classifier/types";
import { testDialect, useTestDatabase } from "../helpers/db";
import { makeDataset, makeUser, ORIGIN, params } from "../labels/fixtures";

useTestDatabase();

type U = Awaited<ReturnType<typeof makeUser>>;
let admin: U, annotator: U, viewer: U;
let ds: { datasetId: number; ids: number[] };
/** v1: ready and active; v2: ready; v3: failed. */
const models = { v1: 0, v2: 0, v3: 0 };
// Probabilities under v1 (cut 0.5) and v2 (cut 0.6) of the first 8 snippets; the rest are scored by v1 only.
const P1 = [0.1, 0.2, 0.7, 0.8, 0.55, 0.45, 0.9, 0.3];
const P2 = [0.65, 0.1, 0.7, 0.2, 0.58, 0.61, 0.95, 0.05];

const req = (u: U | null, path: string, init: { method?: string; body?: unknown } = {}) =>
  new Request(`${ORIGIN}${path}`, {
    method: init.method ?? "GET",
    headers: { ...(u ? u.auth : {}), ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
const id = (n: number) => params({ id: String(n) });

beforeAll(async () => {
  admin = await makeUser("admin");
  annotator = await makeUser("annotator");
  viewer = await makeUser("viewer");
  // 30 LLM-labeled snippets, both classes at threshold 3: enough to register a training run.
  ds = await makeDataset(Array.from({ length: 30 }, (_, i) => i % 6));
  const metrics = { folds: 5, rocAuc: 0.83, prAuc: 0.77, foldRocAuc: [0.8, 0.85, 0.84, 0.82, 0.84], rocAucStd: 0.02, cut: 0.5, precision: 0.9, recall: 0.5, f1: 0.64 };
  const v1 = await db().classifierModel.create({
    data: { version: 1, datasetId: ds.datasetId, status: "ready", active: true, cut: 0.5, metrics: JSON.stringify(metrics), importances: JSON.stringify(Array.from({ length: 40 }, (_, i) => ({ name: `f${i}`, importance: (40 - i) / 820 }))) },
  });
  const v2 = await db().classifierModel.create({ data: { version: 2, datasetId: ds.datasetId, status: "ready", cut: 0.6 } });
  const v3 = await db().classifierModel.create({ data: { version: 3, datasetId: ds.datasetId, status: "failed", error: "too few rows" } });
  Object.assign(models, { v1: v1.id, v2: v2.id, v3: v3.id });
  await db().snippetScore.createMany({
    data: [
      ...ds.ids.map((snippetId, i) => ({ snippetId, modelId: v1.id, probability: P1[i] ?? 0.5 })),
      ...ds.ids.slice(0, 8).map((snippetId, i) => ({ snippetId, modelId: v2.id, probability: P2[i] })),
    ],
  });
});

describe(`models API (${testDialect})`, () => {
  it("needs a signed-in caller, and admin for every change", async () => {
    expect((await listRoute(req(null, "/api/models"), params())).status).toBe(401);
    expect((await getRoute(req(null, `/api/models/${models.v1}`), id(models.v1))).status).toBe(401);
    for (const u of [annotator, viewer]) {
      expect((await trainRoute(req(u, "/api/models", { method: "POST", body: { datasetId: ds.datasetId } }), params())).status).toBe(403);
      expect((await activateRoute(req(u, `/api/models/${models.v2}/activate`, { method: "POST" }), id(models.v2))).status).toBe(403);
      expect((await scoreRoute(req(u, `/api/models/${models.v2}/score`, { method: "POST", body: {} }), id(models.v2))).status).toBe(403);
      expect((await deleteRoute(req(u, `/api/models/${models.v2}`, { method: "DELETE" }), id(models.v2))).status).toBe(403);
    }
    // A browser POST from another site is refused before anything else.
    const cross = new Request(`${ORIGIN}/api/models`, { method: "POST", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "application/json" }, body: "{}" });
    expect((await trainRoute(cross, params())).status).toBe(403);
  });

  it("lists versions newest first and reads one with its metrics; the active model is its own endpoint", async () => {
    const res = await listRoute(req(viewer, "/api/models"), params());
    expect(res.status).toBe(200);
    const { models: list } = (await res.json()) as { models: ModelView[] };
    expect(list.map((m) => [m.version, m.status, m.active])).toEqual([[3, "failed", false], [2, "ready", false], [1, "ready", true]]);
    expect(list[2]).toMatchObject({ rocAuc: 0.83, prAuc: 0.77, cut: 0.5, datasetId: ds.datasetId });

    const one = await getRoute(req(viewer, `/api/models/${models.v1}`), id(models.v1));
    const { model } = (await one.json()) as { model: ModelDetail };
    expect(model.metrics?.foldRocAuc).toHaveLength(5);
    expect(model.importances).toHaveLength(30);
    expect(model.scoreRuns).toEqual([]);

    const active = await activeRoute(req(viewer, "/api/models/active"), params());
    expect(await active.json()).toEqual({ model: { id: models.v1, version: 1, cut: 0.5, threshold: 3 } });

    for (const bad of ["0", "abc", "-1", "1.5"]) expect((await getRoute(req(viewer, `/api/models/${bad}`), params({ id: bad }))).status, bad).toBe(400);
    expect((await getRoute(req(viewer, "/api/models/424242"), id(424242))).status).toBe(404);
  });

  it("registers a training run with its job, validated", async () => {
    const res = await trainRoute(req(admin, "/api/models", { method: "POST", body: { datasetId: ds.datasetId, trees: 20, folds: 3, targetPrecision: 0.8, activate: false } }), params());
    expect(res.status).toBe(201);
    const body = (await res.json()) as { model: ModelView; jobId: number };
    expect(body.model).toMatchObject({ version: 4, status: "training", trees: 20, folds: 3, active: false });
    const job = await db().job.findUniqueOrThrow({ where: { id: body.jobId } });
    expect(job).toMatchObject({ name: "classifier.train", status: "queued" });
    expect(JSON.parse(job.payload)).toEqual({ modelId: body.model.id });

    for (const bad of [{}, { datasetId: "x" }, { datasetId: ds.datasetId, trees: 0 }, { datasetId: ds.datasetId, folds: 1 }, { datasetId: ds.datasetId, targetPrecision: 1.5 }, { datasetId: ds.datasetId, threshold: 9 }]) {
      expect((await trainRoute(req(admin, "/api/models", { method: "POST", body: bad }), params())).status, JSON.stringify(bad)).toBe(400);
    }
    const notJson = new Request(`${ORIGIN}/api/models`, { method: "POST", headers: { ...admin.auth, "content-type": "application/json" }, body: "{" });
    expect((await trainRoute(notJson, params())).status).toBe(400);
    expect((await trainRoute(req(admin, "/api/models", { method: "POST", body: { datasetId: 424242 } }), params())).status).toBe(404);
    // Too few labels to train on: a clear 400, and no model row left behind.
    const tiny = await makeDataset([1, 5, null]);
    const refused = await trainRoute(req(admin, "/api/models", { method: "POST", body: { datasetId: tiny.datasetId } }), params());
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/labeled snippets/);
    expect(await db().classifierModel.count()).toBe(4);
  });

  it("activates and re-scores ready models only", async () => {
    const act = await activateRoute(req(admin, `/api/models/${models.v2}/activate`, { method: "POST" }), id(models.v2));
    expect(act.status).toBe(200);
    const { run, jobId } = await act.json();
    expect(run).toMatchObject({ modelId: models.v2, modelVersion: 2, activate: true, datasetId: null, status: "queued" });
    expect(await db().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ name: "classifier.score-plan" });
    // Until the run finishes, v1 stays active.
    expect((await db().classifierModel.findUniqueOrThrow({ where: { id: models.v1 } })).active).toBe(true);

    const score = await scoreRoute(req(admin, `/api/models/${models.v1}/score`, { method: "POST", body: { datasetId: ds.datasetId, activate: true } }), id(models.v1));
    expect(score.status).toBe(201);
    expect((await score.json()).run).toMatchObject({ datasetId: ds.datasetId, activate: true });
    const scoreAll = await scoreRoute(req(admin, `/api/models/${models.v2}/score`, { method: "POST", body: {} }), id(models.v2));
    expect((await scoreAll.json()).run).toMatchObject({ datasetId: null, activate: false });

    expect((await activateRoute(req(admin, `/api/models/${models.v3}/activate`, { method: "POST" }), id(models.v3))).status).toBe(409);
    expect((await activateRoute(req(admin, "/api/models/424242/activate", { method: "POST" }), id(424242))).status).toBe(404);
    expect((await scoreRoute(req(admin, `/api/models/${models.v2}/score`, { method: "POST", body: { datasetId: 424242 } }), id(models.v2))).status).toBe(404);
    expect((await scoreRoute(req(admin, `/api/models/${models.v2}/score`, { method: "POST", body: { datasetId: ds.datasetId, activate: true } }), id(models.v2))).status).toBe(400);
    expect((await scoreRoute(req(admin, `/api/models/${models.v2}/score`, { method: "POST", body: { chunkSize: 5 } }), id(models.v2))).status).toBe(400);

    const detail = (await (await getRoute(req(viewer, `/api/models/${models.v2}`), id(models.v2))).json()) as { model: ModelDetail };
    expect(detail.model.scoreRuns.map((r) => r.activate).sort()).toEqual([false, true]);
  });

  it("compares two versions and pages through what flipped", async () => {
    const res = await compareRoute(req(viewer, `/api/models/compare?from=${models.v1}&to=${models.v2}`), params());
    expect(res.status).toBe(200);
    // v1 high: p >= 0.5; v2 high: p >= 0.6.
    const hi1 = P1.map((p) => p >= 0.5);
    const hi2 = P2.map((p) => p >= 0.6);
    const count = (f: (a: boolean, b: boolean) => boolean) => hi1.filter((a, i) => f(a, hi2[i])).length;
    expect(await res.json()).toEqual({
      total: 8, cutFrom: 0.5, cutTo: 0.6,
      bothHigh: count((a, b) => a && b), bothLow: count((a, b) => !a && !b), lowToHigh: count((a, b) => !a && b), highToLow: count((a, b) => a && !b),
    });
    const scoped = await compareRoute(req(viewer, `/api/models/compare?from=${models.v1}&to=${models.v2}&datasetId=424242`), params());
    expect((await scoped.json()).total).toBe(0);

    const wantUp = ds.ids.slice(0, 8).filter((_, i) => !hi1[i] && hi2[i]);
    const seen: number[] = [];
    let after: number | null = 0;
    while (after !== null) {
      const page = await flippedRoute(req(viewer, `/api/models/flipped?from=${models.v1}&to=${models.v2}&direction=lowToHigh&limit=1&after=${after}`), params());
      expect(page.status).toBe(200);
      const body = (await page.json()) as { items: { snippetId: number; probFrom: number; probTo: number; datasetId: number }[]; nextAfter: number | null };
      for (const item of body.items) {
        seen.push(item.snippetId);
        expect(item.datasetId).toBe(ds.datasetId);
        expect(item.probFrom).toBe(P1[ds.ids.indexOf(item.snippetId)]);
      }
      after = body.nextAfter;
    }
    expect(seen).toEqual(wantUp);
    const down = await flippedRoute(req(viewer, `/api/models/flipped?from=${models.v1}&to=${models.v2}&direction=highToLow`), params());
    expect((await down.json()).items.map((i: { snippetId: number }) => i.snippetId)).toEqual(ds.ids.slice(0, 8).filter((_, i) => hi1[i] && !hi2[i]));

    for (const bad of [`from=${models.v1}`, `from=x&to=${models.v2}`, `from=${models.v1}&to=${models.v2}&direction=sideways`, `from=${models.v1}&to=${models.v2}&direction=lowToHigh&limit=0`]) {
      const r = bad.includes("direction") ? await flippedRoute(req(viewer, `/api/models/flipped?${bad}`), params()) : await compareRoute(req(viewer, `/api/models/compare?${bad}`), params());
      expect(r.status, bad).toBe(400);
    }
    expect((await compareRoute(req(viewer, `/api/models/compare?from=${models.v1}&to=424242`), params())).status).toBe(404);
    expect((await flippedRoute(req(viewer, `/api/models/flipped?from=424242&to=${models.v2}&direction=lowToHigh`), params())).status).toBe(404);
  });

  it("deletes a model that is not active, never the active one", async () => {
    expect((await deleteRoute(req(admin, `/api/models/${models.v1}`, { method: "DELETE" }), id(models.v1))).status).toBe(409);
    const res = await deleteRoute(req(admin, `/api/models/${models.v3}`, { method: "DELETE" }), id(models.v3));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: true, version: 3 });
    expect((await deleteRoute(req(admin, `/api/models/${models.v3}`, { method: "DELETE" }), id(models.v3))).status).toBe(404);
    expect((await getRoute(req(viewer, `/api/models/${models.v3}`), id(models.v3))).status).toBe(404);
  });
});
