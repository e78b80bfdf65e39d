import { beforeAll, describe, expect, it } from "vitest";
import { GET as snippetsRoute } from "@/app/api/snippets/route";
import { GET as countRoute } from "@/app/api/snippets/count/route";
import { db, dialect } from "@/lib/db/client";
import { countSnippets } from "@/lib/snippets/count-snippets";
import { searchSnippets, type TSearchSnippets } from "@/lib/snippets/search-snippets";
import { testDialect, useTestDatabase } from "../helpers/db";
import { bearer, compareFor, params, seedBrowseFixture, type Fixture, type FixtureSnippet } from "./fixtures";

useTestDatabase();
let fx: Fixture;
/** A third dataset whose probabilities are awkward floats: 0.1 + 0.2, denormal-ish, exact 0 and 1, long tie runs. */
let odd: FixtureSnippet[];
beforeAll(async () => {
  fx = await seedBrowseFixture();
  const ds = await db().dataset.create({ data: { name: "gamma" } });
  const probs = [0.1 + 0.2, 0.3, 1e-300, 0, 1, null, 0.3, 0.1 + 0.2, 2 / 3, 2 / 3, 2 / 3, null, 0.999999999999, 1, 0];
  const created = await db().snippet.createManyAndReturn({
    data: probs.map((p, i) => ({ datasetId: ds.id, contentHash: `g${i}`, content: `x = ${i}\n`, sizeBytes: 6, lineCount: 1, classifierProb: p })),
    select: { id: true, classifierProb: true },
  });
  odd = created.map((c) => ({ id: c.id, datasetId: ds.id, content: "", path: null, source: null, language: "unknown", sizeBytes: 6, llmScore: null, classifierProb: c.classifierProb, reviewCount: 0, labels: [] }));
  await db().dataset.update({ where: { id: ds.id }, data: { snippetCount: probs.length } });
});

/** Pages forward to the end, then backward from the last page to the start; returns both id lists. */
async function walk(q: TSearchSnippets, limit: number): Promise<{ forward: number[]; backward: number[] }> {
  const forward: number[] = [];
  let cursor: string | undefined;
  let lastPrev: string | null = null;
  let lastIds: number[] = [];
  for (let pages = 0; ; pages++) {
    const page = await searchSnippets({ ...q, limit, cursor });
    forward.push(...page.items.map((i) => i.id));
    if (page.items.length) [lastIds, lastPrev] = [page.items.map((i) => i.id), page.prevCursor];
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
    if (pages > 200) throw new Error("runaway pagination");
  }
  const backward = [...lastIds].reverse();
  for (let prev = lastPrev, pages = 0; prev; pages++) {
    const page = await searchSnippets({ ...q, limit, cursor: prev });
    backward.push(...page.items.map((i) => i.id).reverse());
    prev = page.prevCursor;
    if (pages > 200) throw new Error("runaway pagination");
  }
  return { forward, backward };
}

const inRange = (s: FixtureSnippet, min?: number, max?: number) =>
  s.classifierProb !== null && (min === undefined || s.classifierProb >= min) && (max === undefined || s.classifierProb <= max);

describe(`classifier probability in the snippet table (${testDialect})`, () => {
  it("rows carry classifierProb", async () => {
    const page = await searchSnippets({ dataset: fx.datasets.a, limit: 200 });
    const byId = new Map(fx.snippets.map((s) => [s.id, s.classifierProb]));
    expect(page.items.every((r) => r.classifierProb === byId.get(r.id))).toBe(true);
    expect(page.items.some((r) => r.classifierProb === null)).toBe(true);
  });

  for (const sort of ["prob", "-prob", "id", "-llmScore"] as const) {
    it(`filters minProb/maxProb with keyset pages in both directions, sort=${sort}`, async () => {
      const A = fx.datasets.a;
      for (const [min, max, limit] of [[0.5, undefined, 7], [undefined, 0.25, 9], [0.25, 0.75, 5], [0.35, 0.35, 3]] as const) {
        const want = fx.snippets.filter((s) => s.datasetId === A && inRange(s, min, max)).sort(compareFor(sort)).map((s) => s.id);
        expect(want.length).toBeGreaterThan(0);
        const w = await walk({ sort, dataset: A, minProb: min, maxProb: max }, limit);
        expect(w.forward, `${min}..${max}`).toEqual(want);
        expect(w.backward, `${min}..${max}`).toEqual([...want].reverse());
      }
      // Across datasets, combined with other filters.
      const want = fx.snippets.filter((s) => inRange(s, 0.4) && s.language === "python" && s.reviewCount > 0).sort(compareFor(sort)).map((s) => s.id);
      const w = await walk({ sort, minProb: 0.4, language: "python", reviewed: "reviewed" }, 2);
      expect(w.forward).toEqual(want);
      expect(w.backward).toEqual([...want].reverse());
    });
  }

  it("sorts unscored snippets lowest, ties by id, and pages exactly through awkward floats", async () => {
    const ds = odd[0].datasetId;
    for (const sort of ["prob", "-prob"] as const) {
      const want = [...odd].sort(compareFor(sort)).map((s) => s.id);
      for (const limit of [1, 2, 4]) {
        const w = await walk({ sort, dataset: ds }, limit);
        expect(w.forward, `${sort} limit ${limit}`).toEqual(want);
        expect(w.backward, `${sort} limit ${limit}`).toEqual([...want].reverse());
      }
    }
    // 0.1 + 0.2 is not 0.3: a cursor that rounded the key would merge or split these.
    const w = await walk({ sort: "prob", dataset: ds, minProb: 0.3, maxProb: 0.3 }, 1);
    expect(w.forward).toEqual(odd.filter((s) => s.classifierProb === 0.3).map((s) => s.id));
    const tail = await walk({ sort: "prob", dataset: ds, minProb: 0.3 }, 3);
    expect(tail.forward).toEqual(odd.filter((s) => inRange(s, 0.3)).sort(compareFor("prob")).map((s) => s.id));
  });

  it("text search windows keep working with the probability sort and filter", async () => {
    const want = fx.snippets
      .filter((s) => inRange(s, 0.2) && (/needleincode/i.test(s.content) || /needleincode/i.test(s.source ?? "")))
      .sort(compareFor("-prob"))
      .map((s) => s.id);
    const got: number[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 200; i++) {
      const page = await searchSnippets({ sort: "-prob", q: "needleincode", minProb: 0.2, limit: 3, cursor }, { searchWindow: 5, searchBudgetMs: 0 });
      got.push(...page.items.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(got).toEqual(want);
  });

  it("counts with a probability filter", async () => {
    const want = fx.snippets.filter((s) => s.datasetId === fx.datasets.a && inRange(s, 0.5)).length;
    expect(await countSnippets({ dataset: fx.datasets.a, minProb: "0.5" })).toEqual({ total: want, capped: false });
    const first = await searchSnippets({ dataset: fx.datasets.a, minProb: 0.5, limit: 5 });
    expect(first.total).toBeNull();
  });

  it("the API validates the range and keeps cursors tied to their sort", async () => {
    const BASE = "http://localhost:3000";
    const get = (qs: string) => snippetsRoute(bearer(fx.tokens.viewer, `${BASE}/api/snippets?${qs}`), params({}));
    for (const bad of ["minProb=1.5", "maxProb=-0.1", "minProb=0.8&maxProb=0.2", "minProb=abc", "sort=probability"]) {
      expect((await get(bad)).status, bad).toBe(400);
    }
    const ok = await get(`dataset=${fx.datasets.a}&minProb=0.5&maxProb=&sort=-prob&limit=4`);
    expect(ok.status).toBe(200);
    const page = await ok.json();
    expect(page.items.every((r: { classifierProb: number }) => r.classifierProb >= 0.5)).toBe(true);
    expect((await get(`sort=prob&cursor=${page.nextCursor}`)).status).toBe(400);
    const count = await countRoute(bearer(fx.tokens.viewer, `${BASE}/api/snippets/count?minProb=0.9&maxProb=0.1`), params({}));
    expect(count.status).toBe(400);
  });

  it.runIf(testDialect === "sqlite")("a deep probability page is an index seek, not a sort (SQLite plan)", async () => {
    expect(dialect()).toBe("sqlite");
    const plan = await db().$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN SELECT s.id FROM snippet s WHERE s."datasetId" = ? AND s."classifierProb" IS NOT NULL AND (s."classifierProb", s.id) < (?, ?) ORDER BY s."classifierProb" DESC, s.id DESC LIMIT 51`,
      fx.datasets.a, 0.5, 100,
    );
    const text = plan.map((p) => p.detail).join("\n");
    expect(text).toMatch(/classifierProb/);
    expect(text).not.toMatch(/TEMP B-TREE/);
  });
});
