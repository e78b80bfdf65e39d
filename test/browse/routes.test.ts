import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/datasets/route";
import { DELETE, GET as getRoute, PATCH } from "@/app/api/datasets/[id]/route";
import { GET as languagesRoute } from "@/app/api/datasets/[id]/languages/route";
import { GET as snippetsRoute } from "@/app/api/snippets/route";
import { GET as countRoute } from "@/app/api/snippets/count/route";
import { GET as reviewersRoute } from "@/app/api/snippets/reviewers/route";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "../helpers/db";
import { bearer, params, seedBrowseFixture, type Fixture } from "./fixtures";

useTestDatabase();
let fx: Fixture;
beforeAll(async () => {
  fx = await seedBrowseFixture();
});

const BASE = "http://localhost:3000";
const patch = (token: string, id: number, body: unknown) =>
  PATCH(bearer(token, `${BASE}/api/datasets/${id}`, { method: "PATCH", body: JSON.stringify(body), headers: { "content-type": "application/json" } }), params({ id: String(id) }));

describe("dataset and snippet routes", () => {
  it("need a signed-in caller", async () => {
    const res = await listRoute(new Request(`${BASE}/api/datasets`), params({}));
    expect(res.status).toBe(401);
  });

  it("list datasets and one dataset for a viewer", async () => {
    const list = await listRoute(bearer(fx.tokens.viewer, `${BASE}/api/datasets`), params({}));
    expect(list.status).toBe(200);
    const body = await list.json();
    expect(body.datasets.map((d: { name: string }) => d.name)).toEqual(["alpha", "beta"]);
    const one = await getRoute(bearer(fx.tokens.viewer, `${BASE}/api/datasets/${fx.datasets.a}`), params({ id: String(fx.datasets.a) }));
    expect((await one.json()).dataset.stats.llmScores).toHaveLength(7);
    const missing = await getRoute(bearer(fx.tokens.viewer, `${BASE}/api/datasets/424242`), params({ id: "424242" }));
    expect(missing.status).toBe(404);
    const langs = await languagesRoute(bearer(fx.tokens.viewer, `${BASE}/api/datasets/${fx.datasets.a}/languages`), params({ id: String(fx.datasets.a) }));
    expect((await langs.json()).languages[0]).toEqual({ language: "python", count: expect.any(Number) });
  });

  it("reject PATCH from annotators and viewers", async () => {
    for (const token of [fx.tokens.ann1, fx.tokens.viewer]) {
      const res = await patch(token, fx.datasets.a, { threshold: 4 });
      expect(res.status).toBe(403);
    }
    expect((await db().dataset.findUniqueOrThrow({ where: { id: fx.datasets.a } })).threshold).toBe(3);
  });

  it("let an admin change settings, validated", async () => {
    const ok = await patch(fx.tokens.admin, fx.datasets.a, { description: " curated ", labelsPerSnippet: 3, threshold: 4 });
    expect(ok.status).toBe(200);
    expect((await ok.json()).dataset).toMatchObject({ description: "curated", labelsPerSnippet: 3, threshold: 4 });
    for (const bad of [{ labelsPerSnippet: 0 }, { threshold: 6 }, { threshold: 2.5 }, {}, { name: "renamed" }]) {
      const res = await patch(fx.tokens.admin, fx.datasets.a, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await patch(fx.tokens.admin, 424242, { threshold: 1 })).status).toBe(404);
  });

  it("serve snippet pages and reviewers, 400 on bad input", async () => {
    const res = await snippetsRoute(bearer(fx.tokens.viewer, `${BASE}/api/snippets?dataset=${fx.datasets.a}&language=python&limit=5&reviewed=`), params({}));
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.items).toHaveLength(5);
    expect(page.items.every((i: { language: string }) => i.language === "python")).toBe(true);
    const next = await snippetsRoute(bearer(fx.tokens.viewer, `${BASE}/api/snippets?dataset=${fx.datasets.a}&language=python&limit=5&cursor=${page.nextCursor}`), params({}));
    expect((await next.json()).items[0].id).toBeGreaterThan(page.items[4].id);
    const count = await countRoute(bearer(fx.tokens.viewer, `${BASE}/api/snippets/count?dataset=${fx.datasets.a}&language=python&cursor=x&sort=-id`), params({}));
    expect(await count.json()).toEqual({ total: fx.snippets.filter((s) => s.datasetId === fx.datasets.a && s.language === "python").length, capped: false });
    const bad = await snippetsRoute(bearer(fx.tokens.viewer, `${BASE}/api/snippets?llmScore=7`), params({}));
    expect(bad.status).toBe(400);
    const rev = await reviewersRoute(bearer(fx.tokens.viewer, `${BASE}/api/snippets/reviewers?dataset=${fx.datasets.a}`), params({}));
    expect((await rev.json()).reviewers.map((r: { email: string }) => r.email).sort()).toEqual(["ann1@browse.test", "ann2@browse.test"]);
  });

  it("delete a dataset only for an admin who types its name, cascading to everything in it", async () => {
    const A = fx.datasets.a;
    const B = fx.datasets.b;
    await db().importRun.create({ data: { datasetId: A, fileName: "a.jsonl", filePath: "/tmp/a.jsonl", fileKey: "k", format: "jsonl" } });
    const url = (confirm: string) => `${BASE}/api/datasets/${A}?confirm=${encodeURIComponent(confirm)}`;
    expect((await DELETE(bearer(fx.tokens.ann1, url("alpha"), { method: "DELETE" }), params({ id: String(A) }))).status).toBe(403);
    expect((await DELETE(bearer(fx.tokens.admin, url("alph"), { method: "DELETE" }), params({ id: String(A) }))).status).toBe(400);
    const bIds = fx.snippets.filter((s) => s.datasetId === B).map((s) => s.id);
    const before = {
      llmB: await db().llmLabel.count({ where: { snippetId: { in: bIds } } }),
      humanB: await db().humanLabel.count({ where: { datasetId: B } }),
    };
    const res = await DELETE(bearer(fx.tokens.admin, url("alpha"), { method: "DELETE" }), params({ id: String(A) }));
    expect(res.status).toBe(200);
    expect((await res.json()).deleted).toEqual({ id: A, name: "alpha", snippetsDeleted: 240 });
    const aIds = fx.snippets.filter((s) => s.datasetId === A).map((s) => s.id);
    expect(await db().dataset.findUnique({ where: { id: A } })).toBeNull();
    expect(await db().snippet.count({ where: { datasetId: A } })).toBe(0);
    expect(await db().llmLabel.count({ where: { snippetId: { in: aIds } } })).toBe(0);
    expect(await db().humanLabel.count({ where: { snippetId: { in: aIds } } })).toBe(0);
    expect(await db().importRun.count({ where: { datasetId: A } })).toBe(0);
    // the other dataset is untouched
    expect(await db().snippet.count({ where: { datasetId: B } })).toBe(60);
    expect(await db().llmLabel.count({ where: { snippetId: { in: bIds } } })).toBe(before.llmB);
    expect(await db().humanLabel.count({ where: { datasetId: B } })).toBe(before.humanB);
    const list = await (await listRoute(bearer(fx.tokens.viewer, `${BASE}/api/datasets`), params({}))).json();
    expect(list.datasets.map((d: { name: string }) => d.name)).toEqual(["beta"]);
  });
});
