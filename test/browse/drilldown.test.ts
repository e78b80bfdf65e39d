import { beforeAll, describe, expect, it } from "vitest";
import { GET as countGET } from "@/app/api/snippets/count/route";
import { GET as listGET } from "@/app/api/snippets/route";
import { createUser } from "@/lib/auth/users";
import { medianScore } from "@/lib/classifier/load-training-targets";
import { db } from "@/lib/db/client";
import { countSnippets } from "@/lib/snippets/count-snippets";
import { searchSnippets, type TSearchSnippets } from "@/lib/snippets/search-snippets";
import { useTestDatabase } from "../helpers/db";
import { bearer, params, seedBrowseFixture, type Fixture, type FixtureSnippet } from "./fixtures";

useTestDatabase();
let fx: Fixture;
let auditId: number;
let otherAuditId: number;
let oldModelId: number;
const kept = new Set<number>();
const rejected = new Set<number>();
/** Human scores per snippet (labeled only), including a third annotator so odd and even counts occur. */
const humanScores = new Map<number, number[]>();
/** The old model's probabilities (a different ranking from classifierProb). */
const oldProb = new Map<number, number>();

beforeAll(async () => {
  fx = await seedBrowseFixture();
  const ann3 = await createUser({ email: "ann3@browse.test", password: "password123", role: "annotator" });
  // Third labels on some snippets ann1 and ann2 both labeled (i % 70 === 0): three scores, the median is the middle one.
  const third = fx.snippets.filter((_, i) => i % 70 === 0);
  await db().humanLabel.createMany({ data: third.map((s, k) => ({ snippetId: s.id, userId: ann3.id, datasetId: s.datasetId, status: "labeled", score: (k * 2) % 6 })) });
  for (const s of fx.snippets) for (const l of s.labels) if (l.status === "labeled") humanScores.set(s.id, [...(humanScores.get(s.id) ?? []), l.score!]);
  third.forEach((s, k) => humanScores.set(s.id, [...(humanScores.get(s.id) ?? []), (k * 2) % 6]));

  const v1 = await db().classifierModel.create({ data: { version: 1, status: "ready", cut: 0.5 } });
  const v2 = await db().classifierModel.create({ data: { version: 2, status: "ready", active: true, cut: 0.6 } });
  oldModelId = v1.id;
  fx.snippets.forEach((s, i) => oldProb.set(s.id, ((i * 31) % 100) / 100));
  await db().snippetScore.createMany({ data: fx.snippets.map((s) => ({ snippetId: s.id, modelId: v1.id, probability: oldProb.get(s.id)! })) });

  // An audit of v1 over dataset A: 20 kept and 20 rejected items, and another audit that must not leak in.
  const a = fx.snippets.filter((s) => s.datasetId === fx.datasets.a);
  const audit = await db().audit.create({ data: { datasetId: fx.datasets.a, modelId: v1.id, cut: 0.5, threshold: 3, seed: 1, keptTarget: 20, rejectedTarget: 20 } });
  const other = await db().audit.create({ data: { modelId: v2.id, cut: 0.6, threshold: 3, seed: 2, keptTarget: 5, rejectedTarget: 5 } });
  auditId = audit.id;
  otherAuditId = other.id;
  const items: { auditId: number; side: string; snippetId: number; position: number }[] = [];
  for (const s of a) {
    const side = oldProb.get(s.id)! >= 0.5 ? "kept" : "rejected";
    const set = side === "kept" ? kept : rejected;
    // Every third snippet of each side, so the sample skips around and includes labeled ones.
    if (set.size < 20 && s.id % 3 === 0) {
      set.add(s.id);
      items.push({ auditId, side, snippetId: s.id, position: items.length });
    }
  }
  items.push(...fx.snippets.slice(0, 10).map((s, k) => ({ auditId: otherAuditId, side: k % 2 ? "kept" : "rejected", snippetId: s.id, position: k })));
  await db().auditItem.createMany({ data: items });
});

/** Every id matching, walking all pages of the given sort, checking each page's order. */
async function allIds(q: TSearchSnippets): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await searchSnippets({ ...q, limit: 7, cursor });
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error("too many pages");
}

const expectIds = (pred: (s: FixtureSnippet) => boolean) => fx.snippets.filter(pred).map((s) => s.id);
const median = (s: FixtureSnippet): number | null => {
  const h = humanScores.get(s.id);
  return h ? medianScore(h) : null;
};

describe("drill-down filters", () => {
  it("auditId and side select the audit's samples only", async () => {
    expect(kept.size).toBe(20);
    expect(rejected.size).toBe(20);
    expect(await allIds({ auditId: String(auditId) })).toEqual(expectIds((s) => kept.has(s.id) || rejected.has(s.id)));
    expect(await allIds({ auditId: String(auditId), side: "kept" })).toEqual(expectIds((s) => kept.has(s.id)));
    expect(await allIds({ auditId: String(auditId), side: "rejected" })).toEqual(expectIds((s) => rejected.has(s.id)));
    expect(await allIds({ auditId: String(otherAuditId) })).toHaveLength(10);
  });

  it("minHumanScore/maxHumanScore use the median of labeled scores (even counts: mean of the middle two, rounded down)", async () => {
    // The fixture has snippets with one, two and three labels.
    const counts = new Set([...humanScores.values()].map((h) => h.length));
    expect(counts).toEqual(new Set([1, 2, 3]));
    for (const [lo, hi] of [[0, 0], [3, 5], [2, 2], [0, 2], [5, 5]]) {
      expect(await allIds({ minHumanScore: String(lo), maxHumanScore: String(hi) })).toEqual(
        expectIds((s) => { const m = median(s); return m !== null && m >= lo && m <= hi; }),
      );
    }
    expect(await allIds({ minHumanScore: "3" })).toEqual(expectIds((s) => (median(s) ?? -1) >= 3));
    expect(await allIds({ dataset: String(fx.datasets.b), maxHumanScore: "2" })).toEqual(
      expectIds((s) => s.datasetId === fx.datasets.b && median(s) !== null && median(s)! <= 2),
    );
  });

  it("the kept-set false positives of an audit: auditId + side=kept + maxHumanScore=threshold-1", async () => {
    const expected = expectIds((s) => kept.has(s.id) && median(s) !== null && median(s)! <= 2);
    expect(expected.length).toBeGreaterThan(0);
    expect(await allIds({ auditId: String(auditId), side: "kept", maxHumanScore: "2" })).toEqual(expected);
    expect(await countSnippets({ auditId: String(auditId), side: "kept", maxHumanScore: "2" })).toEqual({ total: expected.length, capped: false });
  });

  it("modelId moves the probability range onto that model's scores", async () => {
    expect(await allIds({ modelId: String(oldModelId), minProb: "0.5" })).toEqual(expectIds((s) => oldProb.get(s.id)! >= 0.5));
    expect(await allIds({ modelId: String(oldModelId), maxProb: "0.2", dataset: String(fx.datasets.a) })).toEqual(
      expectIds((s) => s.datasetId === fx.datasets.a && oldProb.get(s.id)! <= 0.2),
    );
    // Counted in id windows (row-by-row filter): exact here, capped like any count.
    const v1High = expectIds((s) => oldProb.get(s.id)! >= 0.5).length;
    expect(await countSnippets({ modelId: String(oldModelId), minProb: "0.5" })).toEqual({ total: v1High, capped: false });
    expect(await countSnippets({ modelId: String(oldModelId), minProb: "0.5" }, { single: 5, combined: 5 })).toEqual({ total: 5, capped: true });
    expect(await countSnippets({ source: "org2/repo" })).toEqual({ total: expectIds((s) => s.source === "org2/repo").length, capped: false });
    // Without modelId the active model's classifierProb still applies.
    expect(await allIds({ minProb: "0.5" })).toEqual(expectIds((s) => s.classifierProb !== null && s.classifierProb >= 0.5));
  });

  it("source matches the repository exactly", async () => {
    expect(await allIds({ source: "org2/repo" })).toEqual(expectIds((s) => s.source === "org2/repo"));
    expect(await allIds({ source: "org2/repo", language: "python", dataset: String(fx.datasets.a) })).toEqual(
      expectIds((s) => s.source === "org2/repo" && s.language === "python" && s.datasetId === fx.datasets.a),
    );
  });

  it("source is tested inside bounded windows like text search: a short page continues with Next", async () => {
    const expected = expectIds((s) => s.source === "org3/repo");
    const ids: number[] = [];
    let cursor: string | undefined;
    let partial = 0;
    for (let guard = 0; guard < 500; guard++) {
      const page = await searchSnippets({ source: "org3/repo", limit: 5, cursor }, { searchWindow: 10, searchBudgetMs: 0 });
      ids.push(...page.items.map((i) => i.id));
      if (page.scanned !== null) partial++;
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(ids).toEqual(expected);
    expect(partial).toBeGreaterThan(0);
  });

  it("stays keyset-safe under every sort, forwards and backwards", async () => {
    const q = { auditId: String(auditId), maxHumanScore: "4" };
    const expected = new Set(expectIds((s) => (kept.has(s.id) || rejected.has(s.id)) && median(s) !== null && median(s)! <= 4));
    for (const sort of ["id", "-id", "llmScore", "-llmScore", "prob", "-prob", "size", "-size"] as const) {
      const forward: number[] = [];
      const cursors: (string | undefined)[] = [undefined];
      let cursor: string | undefined;
      for (;;) {
        const page = await searchSnippets({ ...q, sort, limit: 3, cursor });
        forward.push(...page.items.map((i) => i.id));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
        cursors.push(cursor);
      }
      expect(new Set(forward), sort).toEqual(expected);
      expect(forward).toHaveLength(expected.size);
      // Walk back from the last page with prevCursor and get the same rows in the same order.
      const back: number[] = [];
      let page = await searchSnippets({ ...q, sort, limit: 3, cursor: cursors[cursors.length - 1] });
      back.unshift(...page.items.map((i) => i.id));
      while (page.prevCursor) {
        page = await searchSnippets({ ...q, sort, limit: 3, cursor: page.prevCursor });
        back.unshift(...page.items.map((i) => i.id));
      }
      expect(back, sort).toEqual(forward);
    }
  });

  it("prob sort with another model's range keeps unscored-by-the-active-model rows", async () => {
    const ids = await allIds({ modelId: String(oldModelId), minProb: "0.9", sort: "prob" });
    expect(new Set(ids)).toEqual(new Set(expectIds((s) => oldProb.get(s.id)! >= 0.9)));
    expect(ids.some((id) => fx.snippets.find((s) => s.id === id)!.classifierProb === null)).toBe(true);
  });

  it("the API takes the new parameters and rejects inconsistent ones", async () => {
    const url = `http://localhost/api/snippets?auditId=${auditId}&side=kept&minHumanScore=3&limit=200`;
    const res = await listGET(bearer(fx.tokens.viewer, url), params({}));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: number }[] };
    expect(body.items.map((i) => i.id)).toEqual(expectIds((s) => kept.has(s.id) && (median(s) ?? -1) >= 3));
    const count = await countGET(bearer(fx.tokens.viewer, `http://localhost/api/snippets/count?auditId=${auditId}&side=rejected`), params({}));
    expect(await count.json()).toEqual({ total: 20, capped: false });
    expect((await listGET(bearer(fx.tokens.viewer, "http://localhost/api/snippets?side=kept"), params({}))).status).toBe(400);
    expect((await listGET(bearer(fx.tokens.viewer, "http://localhost/api/snippets?minHumanScore=4&maxHumanScore=2"), params({}))).status).toBe(400);
    expect((await listGET(bearer(fx.tokens.viewer, "http://localhost/api/snippets?side=both&auditId=1"), params({}))).status).toBe(400);
  });
});
