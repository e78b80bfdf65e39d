import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/campaigns/route";
import { POST as estimateRoute } from "@/app/api/campaigns/estimate/route";
import { GET as getRoute } from "@/app/api/campaigns/[id]/route";
import { POST as cancelRoute } from "@/app/api/campaigns/[id]/cancel/route";
import { POST as retryRoute } from "@/app/api/campaigns/[id]/retry-failed/route";
import { GET as itemsRoute } from "@/app/api/campaigns/[id]/items/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { bearer, params } from "../browse/fixtures";
import { useTestDatabase } from "../helpers/db";
import { configureLlm, seedDataset } from "./fixtures";

useTestDatabase();
const BASE = "http://localhost:3000";
let fake: FakeOpenAI;
let tokens: { admin: string; viewer: string };
let datasetId: number;

const post = (handler: typeof createRoute, token: string, url: string, body?: unknown, p: Record<string, string> = {}) =>
  handler(bearer(token, `${BASE}${url}`, { method: "POST", ...(body !== undefined && { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) }), params(p));
const get = (handler: typeof listRoute, token: string, url: string, p: Record<string, string> = {}) => handler(bearer(token, `${BASE}${url}`), params(p));

beforeAll(async () => {
  fake = await startFakeOpenAI();
  await configureLlm(fake.baseURL);
  const admin = await createUser({ email: "admin@campaigns.test", password: "password123", role: "admin" });
  const viewer = await createUser({ email: "viewer@campaigns.test", password: "password123", role: "viewer" });
  tokens = { admin: (await createApiToken(admin.id, "t")).token, viewer: (await createApiToken(viewer.id, "t")).token };
  datasetId = (await seedDataset("routes", 25)).id;
});
afterAll(async () => {
  await fake?.close();
});

describe("campaign routes", () => {
  it("need a signed-in caller", async () => {
    expect((await listRoute(new Request(`${BASE}/api/campaigns`), params({}))).status).toBe(401);
    expect((await estimateRoute(new Request(`${BASE}/api/campaigns/estimate`, { method: "POST", body: "{}" }), params({}))).status).toBe(401);
  });

  it("estimate for any signed-in user; create only for admins", async () => {
    const est = await post(estimateRoute, tokens.viewer, "/api/campaigns/estimate", { datasetId, filter: { limit: 10 }, concurrency: 4 });
    expect(est.status).toBe(200);
    expect((await est.json()).estimate).toMatchObject({ count: 10, sampled: false, priceKnown: true, model: "gpt-4o-mini", promptVersion: "edu-v1" });

    const denied = await post(createRoute, tokens.viewer, "/api/campaigns", { datasetId });
    expect(denied.status).toBe(403);
    expect(await db().labelCampaign.count()).toBe(0);

    const created = await post(createRoute, tokens.admin, "/api/campaigns", { datasetId, filter: { limit: 10, sample: "random" }, concurrency: 4 });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.campaign).toMatchObject({ datasetId, status: "queued", mode: "live", concurrency: 4, filter: { limit: 10, sample: "random", seed: expect.any(Number) } });
    expect(body.campaign.job).toMatchObject({ status: "queued" });
    expect((await db().job.findUniqueOrThrow({ where: { id: body.campaign.job.id } })).name).toBe("labels.campaign");

    const list = await get(listRoute, tokens.viewer, "/api/campaigns");
    expect((await list.json()).campaigns.map((c: { id: number }) => c.id)).toEqual([body.campaign.id]);
    const one = await get(getRoute, tokens.viewer, `/api/campaigns/${body.campaign.id}`, { id: String(body.campaign.id) });
    expect(await one.json()).toMatchObject({ campaign: { id: body.campaign.id, datasetName: "routes" }, failed: { items: [], nextAfter: null } });
    const items = await get(itemsRoute, tokens.viewer, `/api/campaigns/${body.campaign.id}/items?status=failed`, { id: String(body.campaign.id) });
    expect(await items.json()).toEqual({ items: [], nextAfter: null });

    expect((await post(cancelRoute, tokens.viewer, `/api/campaigns/${body.campaign.id}/cancel`, undefined, { id: String(body.campaign.id) })).status).toBe(403);
    const cancelled = await post(cancelRoute, tokens.admin, `/api/campaigns/${body.campaign.id}/cancel`, undefined, { id: String(body.campaign.id) });
    expect((await cancelled.json()).campaign.status).toBe("cancelled");
    const retry = await post(retryRoute, tokens.admin, `/api/campaigns/${body.campaign.id}/retry-failed`, undefined, { id: String(body.campaign.id) });
    expect(retry.status).toBe(400);
    expect((await retry.json()).error).toMatch(/no failed items/);
  });

  it("answer bad input with clear 400s and unknown ids with 404s", async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /datasetId/],
      [{ datasetId, concurrency: 0 }, /concurrency must be 1–64/],
      [{ datasetId, concurrency: 100 }, /concurrency must be 1–64/],
      [{ datasetId, mode: "turbo" }, /mode/],
      [{ datasetId, filter: { scope: "some" } }, /filter\.scope/],
      [{ datasetId, filter: { limit: -3 } }, /limit must be at least 1/],
    ];
    for (const [body, message] of cases) {
      const res = await post(createRoute, tokens.admin, "/api/campaigns", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error).toMatch(message);
    }
    const notJson = await createRoute(bearer(tokens.admin, `${BASE}/api/campaigns`, { method: "POST", body: "{", headers: { "content-type": "application/json" } }), params({}));
    expect(notJson.status).toBe(400);
    expect((await post(createRoute, tokens.admin, "/api/campaigns", { datasetId: 424242 })).status).toBe(404);
    expect((await post(estimateRoute, tokens.viewer, "/api/campaigns/estimate", { datasetId, promptVersion: "nope" })).status).toBe(404);
    expect((await get(getRoute, tokens.viewer, "/api/campaigns/999", { id: "999" })).status).toBe(404);
    expect((await get(getRoute, tokens.viewer, "/api/campaigns/abc", { id: "abc" })).status).toBe(400);
    expect((await get(itemsRoute, tokens.viewer, "/api/campaigns/1/items?status=weird", { id: "1" })).status).toBe(400);
  });

  it("409 when no LLM endpoint is configured", async () => {
    const saved = process.env.OPENAI_BASE_URL!;
    delete process.env.OPENAI_BASE_URL;
    try {
      const res = await post(createRoute, tokens.admin, "/api/campaigns", { datasetId });
      expect(res.status).toBe(409);
      expect((await res.json()).error).toMatch(/Settings page/);
    } finally {
      await configureLlm(saved);
    }
  });
});
