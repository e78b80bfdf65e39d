import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/synthetic/campaigns/route";
import { POST as estimateRoute } from "@/app/api/synthetic/campaigns/estimate/route";
import { GET as getRoute } from "@/app/api/synthetic/campaigns/[id]/route";
import { POST as cancelRoute } from "@/app/api/synthetic/campaigns/[id]/cancel/route";
import { POST as retryRoute } from "@/app/api/synthetic/campaigns/[id]/retry-failed/route";
import { GET as itemsRoute } from "@/app/api/synthetic/campaigns/[id]/items/route";
import { GET as datasetsRoute } from "@/app/api/synthetic/datasets/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { bearer, params } from "../browse/fixtures";
import { configureLlm } from "../campaigns/fixtures";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { useTestDatabase } from "../helpers/db";
import { AUDIENCES, TOPICS } from "./generation-fixtures";

useTestDatabase();
const BASE = "http://localhost:3000";
let fake: FakeOpenAI;
let tokens: { admin: string; viewer: string };

const post = (handler: typeof createRoute, token: string, url: string, body?: unknown, p: Record<string, string> = {}) =>
  handler(bearer(token, `${BASE}${url}`, { method: "POST", ...(body !== undefined && { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) }), params(p));
const get = (handler: typeof listRoute, token: string, url: string, p: Record<string, string> = {}) => handler(bearer(token, `${BASE}${url}`), params(p));
const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const input = { datasetName: "routes-synthetic", kind: "exercise", topics: TOPICS, audiences: AUDIENCES, count: 20, plan: { seed: 99 } };

beforeAll(async () => {
  fake = await startFakeOpenAI();
  const admin = await createUser({ email: "admin@gen-routes.test", password: "password123", role: "admin" });
  const viewer = await createUser({ email: "viewer@gen-routes.test", password: "password123", role: "viewer" });
  tokens = { admin: (await createApiToken(admin.id, "t")).token, viewer: (await createApiToken(viewer.id, "t")).token };
});
afterAll(async () => {
  await fake?.close();
});

describe("generation campaign routes", () => {
  it("without an LLM endpoint: estimates work, starting is a 409 that says import still works", async () => {
    delete process.env.OPENAI_BASE_URL;
    delete process.env.OPENAI_API_KEY;
    const estimate = await json(await post(estimateRoute, tokens.viewer, "/api/synthetic/campaigns/estimate", input));
    expect(estimate.status).toBe(200);
    expect(estimate.body.estimate).toMatchObject({ count: 20, exercises: 20, textbooks: 0, cells: 15, cellsUsed: 15, model: "gpt-4o-mini", promptVersions: { textbook: null, exercise: "exercise-v1" } });
    expect(estimate.body.estimate.functionNames.length).toBeGreaterThan(5);
    const refused = await json(await post(createRoute, tokens.admin, "/api/synthetic/campaigns", input));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/no LLM endpoint is configured.*importing JSONL/);
    expect(await db().generationCampaign.count()).toBe(0);
  });

  it("create (admin), list, detail with coverage, items; viewers read only", async () => {
    await configureLlm(fake.baseURL);
    expect((await listRoute(new Request(`${BASE}/api/synthetic/campaigns`), params({}))).status).toBe(401);
    expect((await post(createRoute, tokens.viewer, "/api/synthetic/campaigns", input)).status).toBe(403);
    const created = await json(await post(createRoute, tokens.admin, "/api/synthetic/campaigns", input));
    expect(created.status).toBe(201);
    const c = created.body.campaign;
    expect(c).toMatchObject({ source: "llm", kind: "exercise", status: "queued", total: 20, generated: 0, pending: 20, functionNameMode: "generated", plan: { strategy: "balanced", seed: 99 }, prompts: { textbook: null, exercise: { version: "exercise-v1" } } });
    expect(c.estimate.costUsd).toBeCloseTo(created.body.estimate.costUsd, 9);
    expect(await db().job.count({ where: { name: "synthetic.generate", id: c.job.id } })).toBe(1);

    const list = await json(await get(listRoute, tokens.viewer, "/api/synthetic/campaigns"));
    expect(list.body.campaigns.map((x: { id: number }) => x.id)).toEqual([c.id]);
    const detail = await json(await get(getRoute, tokens.viewer, `/api/synthetic/campaigns/${c.id}`, { id: String(c.id) }));
    expect(detail.body.coverage).toMatchObject({ cellsTotal: 15, cellsHit: 0 });
    expect(detail.body.coverage.cells.reduce((a: number, x: { planned: number }) => a + x.planned, 0)).toBe(20);
    const items = await json(await get(itemsRoute, tokens.viewer, `/api/synthetic/campaigns/${c.id}/items?limit=5`, { id: String(c.id) }));
    expect(items.body.items).toHaveLength(5);
    expect(items.body.items[0]).toMatchObject({ position: 0, kind: "exercise", status: "pending", functionName: expect.stringMatching(/^[a-z_]+$/) });
    expect(items.body.counts).toEqual({ pending: 20, generated: 0, failed: 0 });
    expect((await get(getRoute, tokens.viewer, "/api/synthetic/campaigns/9999", { id: "9999" })).status).toBe(404);

    const datasets = await json(await get(datasetsRoute, tokens.viewer, "/api/synthetic/datasets"));
    expect(datasets.body.datasets).toMatchObject([{ name: "routes-synthetic", kind: "exercise", campaigns: 1 }]);

    // Into an existing synthetic dataset by id: fine; a code dataset: 400; bad input: 400 with the field.
    const again = await post(createRoute, tokens.admin, "/api/synthetic/campaigns", { ...input, datasetName: undefined, datasetId: datasets.body.datasets[0].id, kind: "textbook", count: 3 });
    expect(again.status).toBe(201);
    const code = await db().dataset.create({ data: { name: "some-code" } });
    const refused = await json(await post(createRoute, tokens.admin, "/api/synthetic/campaigns", { ...input, datasetName: undefined, datasetId: code.id }));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/"some-code" is a code dataset/);
    const bad = await json(await post(createRoute, tokens.admin, "/api/synthetic/campaigns", { ...input, topics: [] }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/topics: give at least one topic/);
    expect((await post(createRoute, tokens.admin, "/api/synthetic/campaigns", { ...input, exercisePromptVersion: "nope" })).status).toBe(404);
  });

  it("cancel a queued campaign at once; retry refuses while there is nothing to retry or it still runs", async () => {
    const c = await db().generationCampaign.findFirstOrThrow({ where: { kind: "exercise" } });
    const p = { id: String(c.id) };
    expect((await post(cancelRoute, tokens.viewer, `/api/synthetic/campaigns/${c.id}/cancel`, undefined, p)).status).toBe(403);
    const retryQueued = await json(await post(retryRoute, tokens.admin, `/api/synthetic/campaigns/${c.id}/retry-failed`, undefined, p));
    expect(retryQueued.status).toBe(400);
    expect(retryQueued.body.error).toMatch(/still queued/);
    const cancelled = await json(await post(cancelRoute, tokens.admin, `/api/synthetic/campaigns/${c.id}/cancel`, undefined, p));
    expect(cancelled.body.campaign.status).toBe("cancelled");
    expect((await db().job.findUniqueOrThrow({ where: { id: c.jobId! } })).status).toBe("cancelled");
    expect((await json(await post(cancelRoute, tokens.admin, `/api/synthetic/campaigns/${c.id}/cancel`, undefined, p))).body.error).toMatch(/already cancelled/);
    // The cancelled campaign's 20 pending items can be resumed by a new run.
    const resumed = await json(await post(retryRoute, tokens.admin, `/api/synthetic/campaigns/${c.id}/retry-failed`, undefined, p));
    expect(resumed.status).toBe(200);
    expect(resumed.body.campaign).toMatchObject({ status: "queued", pending: 20 });
  });
});
