import { beforeAll, describe, expect, it } from "vitest";
import { GET as campaignsRoute } from "@/app/api/diversity/campaigns/route";
import { POST as cancelRoute } from "@/app/api/diversity/reports/[id]/cancel/route";
import { GET as clusterRoute } from "@/app/api/diversity/reports/[id]/clusters/[index]/route";
import { GET as clustersRoute } from "@/app/api/diversity/reports/[id]/clusters/route";
import { GET as reportRoute } from "@/app/api/diversity/reports/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/diversity/reports/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";
import { plainContext } from "@/lib/context";
import { runDiversityReport } from "@/lib/diversity/run-diversity-report";
import { useTestDatabase } from "../helpers/db";
import { bearer, params } from "../browse/fixtures";
import { seedSynthetic, SMALL_DECLARED, smallSyntheticItems } from "./fixtures";

useTestDatabase();
const BASE = "http://localhost:3000";
let admin: string;
let viewer: string;
let seeded: Awaited<ReturnType<typeof seedSynthetic>>;

beforeAll(async () => {
  admin = (await createApiToken((await createUser({ email: "admin@div.test", password: "password123", role: "admin" })).id, "t")).token;
  viewer = (await createApiToken((await createUser({ email: "viewer@div.test", password: "password123", role: "viewer" })).id, "t")).token;
  seeded = await seedSynthetic("routes", smallSyntheticItems(), { name: "route-campaign", ...SMALL_DECLARED });
});

const post = (token: string, body: unknown) => createRoute(bearer(token, `${BASE}/api/diversity/reports`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }), params({}));

describe("diversity routes", () => {
  it("create (admin only, validated), read, list, clusters, cancel", async () => {
    expect((await post(viewer, { datasetId: seeded.datasetId })).status).toBe(403);
    expect((await post(admin, { datasetId: seeded.datasetId, sampleSize: 1 })).status).toBe(400);
    expect((await post(admin, { datasetId: 424242 })).status).toBe(404);
    const created = await post(admin, { datasetId: seeded.datasetId, campaignId: seeded.campaignId });
    expect(created.status).toBe(201);
    const { report, jobId } = await created.json();
    expect(jobId).toEqual(expect.any(Number));
    await runDiversityReport(report.id, plainContext());

    const one = await reportRoute(bearer(viewer, `${BASE}/api/diversity/reports/${report.id}`), params({ id: String(report.id) }));
    const body = await one.json();
    expect(body.report).toMatchObject({ status: "succeeded", campaignName: "route-campaign", metrics: { items: 14, nearDup: { clusters: 1 } } });
    expect((await reportRoute(bearer(viewer, `${BASE}/api/diversity/reports/9999`), params({ id: "9999" }))).status).toBe(404);

    const list = await (await listRoute(bearer(viewer, `${BASE}/api/diversity/reports?datasetId=${seeded.datasetId}&campaignId=${seeded.campaignId}`), params({}))).json();
    expect(list.reports).toHaveLength(1);
    expect(list.reports[0].summary.nearDupRate).toBeCloseTo(1 / 14, 12);
    const none = await (await listRoute(bearer(viewer, `${BASE}/api/diversity/reports?datasetId=${seeded.datasetId}&campaignId=none`), params({}))).json();
    expect(none.reports).toEqual([]);

    const clusters = await (await clustersRoute(bearer(viewer, `${BASE}/api/diversity/reports/${report.id}/clusters`), params({ id: String(report.id) }))).json();
    expect(clusters).toMatchObject({ total: 1, stored: 1, clusters: [{ index: 0, size: 2, representative: seeded.snippetIds[0] }] });
    const detail = await clusterRoute(bearer(viewer, `${BASE}/api/diversity/reports/${report.id}/clusters/0`), params({ id: String(report.id), index: "0" }));
    expect((await detail.json()).members).toHaveLength(2);
    expect((await clusterRoute(bearer(viewer, `${BASE}/api/diversity/reports/${report.id}/clusters/5`), params({ id: String(report.id), index: "5" }))).status).toBe(400);

    const campaigns = await (await campaignsRoute(bearer(viewer, `${BASE}/api/diversity/campaigns?datasetId=${seeded.datasetId}`), params({}))).json();
    expect(campaigns.campaigns).toEqual([expect.objectContaining({ id: seeded.campaignId, name: "route-campaign", items: 14 })]);

    const queued = await (await post(admin, { datasetId: seeded.datasetId })).json();
    const cancel = (token: string, id: number) => cancelRoute(bearer(token, `${BASE}/api/diversity/reports/${id}/cancel`, { method: "POST" }), params({ id: String(id) }));
    expect((await cancel(viewer, queued.report.id)).status).toBe(403);
    expect((await (await cancel(admin, queued.report.id)).json()).report.status).toBe("cancelled");
    expect((await cancel(admin, report.id)).status).toBe(400);
  });
});
