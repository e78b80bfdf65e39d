import { beforeAll, describe, expect, it } from "vitest";
import { GET as agreementRoute } from "@/app/api/dashboards/agreement/route";
import { GET as classifierRoute } from "@/app/api/dashboards/classifier/route";
import { GET as precisionRoute } from "@/app/api/dashboards/precision/route";
import { formatMetrics } from "@/lib/cli/commands/metrics";
import { agreementPanel } from "@/lib/dashboards/agreement-panel";
import { classifierPanel } from "@/lib/dashboards/classifier-panel";
import { precisionPanel } from "@/lib/dashboards/precision-panel";
import type { AgreementPanel, ClassifierPanel, PrecisionPanel } from "@/lib/dashboards/types";
import { db } from "@/lib/db/client";
import { krippendorffAlpha } from "@/lib/metrics/krippendorff-alpha";
import { rocAuc } from "@/lib/metrics/roc-auc";
import { sampleSizeForMargin } from "@/lib/metrics/sample-size-for-margin";
import { wilsonInterval } from "@/lib/metrics/wilson-interval";
import { testDialect, useTestDatabase } from "../helpers/db";
import { makeDataset, makeUser, ORIGIN, params } from "../labels/fixtures";

useTestDatabase();

/*
 * 20 snippets i = 0…19: LLM score i % 6, source org/repo(i % 3), probability i/20 + 0.01 under v1 (active,
 * cut 0.5): kept = i ≥ 10. Audit of v1: kept sample i = 10…15, rejected sample i = 0…4, populations 10 + 10.
 * Human scores (A, B, C; "s" = skipped), median per snippet (even count: mean of the middle two, floored):
 *   kept:     10 A4 → 4 high · 11 A3 B2 → 2 · 12 A5 B5 C1 → 5 high · 13 A1 → 1 · 14 A4 Bs → 4 high · 15 none
 *   rejected:  0 A0 → 0 · 1 A3 → 3 high · 2 B2 → 2 · 3 A1 B1 → 1 · 4 none
 *   outside the audit: 7 C5 → 5, 18 A2 B4 → 3
 * So precision = 3/5, false omission = 1/4, recall = 10·0.6 / (10·0.6 + 10·0.25) = 6 / 8.5.
 */
const prob = (i: number) => i / 20 + 0.01;
const HUMAN: [number, "A" | "B" | "C", number | null][] = [
  [10, "A", 4], [11, "A", 3], [11, "B", 2], [12, "A", 5], [12, "B", 5], [12, "C", 1], [13, "A", 1], [14, "A", 4], [14, "B", null],
  [0, "A", 0], [1, "A", 3], [2, "B", 2], [3, "A", 1], [3, "B", 1], [7, "C", 5], [18, "A", 2], [18, "B", 4],
];

type U = Awaited<ReturnType<typeof makeUser>>;
let viewer: U;
const who: Record<"A" | "B" | "C", U> = {} as never;
let ds: { datasetId: number; ids: number[] };
let v1 = 0;
let v2 = 0;
let audit1 = 0;
let audit2 = 0;
let sizes: number[] = [];

const get = async <T>(handler: (req: Request, ctx: ReturnType<typeof params>) => Promise<Response>, path: string, u: U | null = viewer) => {
  const res = await handler(new Request(`${ORIGIN}${path}`, { headers: u ? u.auth : {} }), params());
  return { status: res.status, body: (await res.json()) as T };
};

beforeAll(async () => {
  await makeUser("admin");
  who.A = await makeUser("annotator");
  who.B = await makeUser("annotator");
  who.C = await makeUser("annotator");
  viewer = await makeUser("viewer");
  ds = await makeDataset(Array.from({ length: 20 }, (_, i) => i % 6));
  sizes = (await db().snippet.findMany({ where: { datasetId: ds.datasetId }, orderBy: { id: "asc" }, select: { sizeBytes: true } })).map((s) => s.sizeBytes);
  v1 = (await db().classifierModel.create({ data: { version: 1, datasetId: ds.datasetId, status: "ready", active: true, cut: 0.5, threshold: 3 } })).id;
  v2 = (await db().classifierModel.create({ data: { version: 2, datasetId: ds.datasetId, status: "ready", cut: 0.7, threshold: 3 } })).id;
  await db().snippetScore.createMany({
    data: [...ds.ids.map((snippetId, i) => ({ snippetId, modelId: v1, probability: prob(i) })), ...ds.ids.map((snippetId, i) => ({ snippetId, modelId: v2, probability: 1 - prob(i) }))],
  });
  await db().snippet.updateMany({ where: { datasetId: ds.datasetId }, data: { classifierProb: null } });
  const item = (side: string, i: number, position: number) => ({ side, snippetId: ds.ids[i], position });
  const base = { datasetId: ds.datasetId, threshold: 3, seed: 1, keptTarget: 6, rejectedTarget: 5, keptCount: 10, rejectedCount: 10, keptBytes: 100n, rejectedBytes: 100n };
  audit1 = (await db().audit.create({ data: { ...base, modelId: v1, cut: 0.5, name: "first", items: { create: [10, 11, 12, 13, 14, 15].map((i, k) => item("kept", i, k)).concat([0, 1, 2, 3, 4].map((i, k) => item("rejected", i, k))) } } })).id;
  // v2's audit: kept = its probability ≥ 0.7, i.e. i ≤ 5; sample 0 and 1 (human 0 and 3).
  audit2 = (await db().audit.create({ data: { ...base, modelId: v2, cut: 0.7, keptTarget: 2, rejectedTarget: 0, items: { create: [item("kept", 0, 0), item("kept", 1, 1)] } } })).id;
  for (const [k, [i, u, score]] of HUMAN.entries()) {
    await db().humanLabel.create({
      data: { snippetId: ds.ids[i], userId: who[u].id, datasetId: ds.datasetId, status: score === null ? "skipped" : "labeled", score, llmScore: i % 6, timeSpentMs: 1000 * (k + 1), queue: "random" },
    });
  }
  // A second judge that agrees with the median human score on 0, 1, 2.
  await db().llmLabel.createMany({ data: [[0, 0], [1, 3], [2, 2]].map(([i, score]) => ({ snippetId: ds.ids[i], score, model: "judge-2", promptVersion: "v2" })) });
});

describe(`dashboards (${testDialect})`, () => {
  it("needs a signed-in caller; viewers may read every panel; unknown ids are 404", async () => {
    expect((await get(precisionRoute, "/api/dashboards/precision", null)).status).toBe(401);
    expect((await get(agreementRoute, "/api/dashboards/agreement", null)).status).toBe(401);
    expect((await get(classifierRoute, "/api/dashboards/classifier", null)).status).toBe(401);
    expect((await get(precisionRoute, "/api/dashboards/precision?auditId=9999")).status).toBe(404);
    expect((await get(classifierRoute, "/api/dashboards/classifier?modelId=9999")).status).toBe(404);
    expect((await get(precisionRoute, "/api/dashboards/precision?datasetId=abc")).status).toBe(400);
  });

  it("precision panel: audit counts, Wilson intervals, conservative recall, label-more hints", async () => {
    const { status, body: p } = await get<PrecisionPanel>(precisionRoute, `/api/dashboards/precision?datasetId=${ds.datasetId}`);
    expect(status).toBe(200);
    expect(p.model).toMatchObject({ id: v1, version: 1, active: true, cut: 0.5 });
    expect(p.audit).toMatchObject({ id: audit1, keptCount: 10, rejectedCount: 10, keptBytes: 100, threshold: 3 });
    expect(p.note).toBeNull();
    expect(p.sampleSizes).toEqual({ kept: { sampled: 6, labeled: 5, high: 3 }, rejected: { sampled: 5, labeled: 4, high: 1 } });
    expect(p.precision).toEqual(wilsonInterval(3, 5));
    expect(p.precision.estimate).toBeCloseTo(0.6, 12);
    expect(p.falseOmission).toEqual(wilsonInterval(1, 4));
    const P = wilsonInterval(3, 5);
    const F = wilsonInterval(1, 4);
    expect(p.recall.estimate).toBeCloseTo(6 / 8.5, 12);
    expect(p.recall.low).toBeCloseTo((10 * P.low) / (10 * P.low + 10 * F.high), 12);
    expect(p.recall.high).toBeCloseTo((10 * P.high) / (10 * P.high + 10 * F.low), 12);
    expect(p.labelMore).toEqual([
      { margin: 0.05, more: sampleSizeForMargin(0.6, 0.05) - 5, moreRejected: sampleSizeForMargin(0.25, 0.05) - 4 },
      { margin: 0.03, more: sampleSizeForMargin(0.6, 0.03) - 5, moreRejected: sampleSizeForMargin(0.25, 0.03) - 4 },
    ]);
  });

  it("threshold curve: kept counts and bytes per cut from the histogram; precision re-weighted from the audit", async () => {
    const p = await precisionPanel({ datasetId: ds.datasetId });
    expect(p.scored).toBe(20);
    expect(p.thresholdCurve).toHaveLength(101);
    const at = (cut: number) => p.thresholdCurve.find((x) => Math.abs(x.cut - cut) < 1e-9)!;
    expect(at(0)).toMatchObject({ keptCount: 20, keptFraction: 1, keptBytes: sizes.reduce((a, b) => a + b, 0) });
    expect(at(0.5)).toMatchObject({ keptCount: 10, keptFraction: 0.5, keptBytes: sizes.slice(10).reduce((a, b) => a + b, 0), estN: 5 });
    expect(at(0.51).keptCount).toBe(10);
    expect(at(0.52).keptCount).toBe(9);
    // Above the audit's cut: the kept sample alone (10…14 labeled: 3 of 5 high).
    expect(at(0.5).estPrecision).toBeCloseTo(0.6, 12);
    // Below it the rejected items above the cut join with weight N_rejected / labeled_rejected = 10 / 4 (kept: 10 / 5).
    expect(at(0).estPrecision).toBeCloseTo((3 * 2 + 1 * 2.5) / (5 * 2 + 4 * 2.5), 12);
    expect(at(0.05).estPrecision).toBeCloseTo((3 * 2 + 1 * 2.5) / (5 * 2 + 3 * 2.5), 12);
    // Fewer than 5 labeled audit items above 0.6: no estimate.
    expect(at(0.6)).toMatchObject({ estPrecision: null, estN: 3 });
  });

  it("breakdowns by dataset, language and source; precision trend across model versions", async () => {
    const p = await precisionPanel({ datasetId: ds.datasetId });
    const name = (await db().dataset.findUniqueOrThrow({ where: { id: ds.datasetId } })).name;
    expect(p.breakdowns.byDataset).toEqual([{ key: name, kept: 10, labeled: 5, high: 3, precision: wilsonInterval(3, 5) }]);
    expect(p.breakdowns.byLanguage).toEqual([{ key: "python", kept: 10, labeled: 5, high: 3, precision: wilsonInterval(3, 5) }]);
    expect(p.breakdowns.bySource.map((r) => [r.key, r.kept, r.labeled, r.high])).toEqual([
      ["org/repo1", 4, 2, 1],
      ["org/repo0", 3, 1, 1],
      ["org/repo2", 3, 2, 1],
    ]);
    expect(p.trend.map((t) => [t.modelVersion, t.auditId, t.n, t.precision.estimate])).toEqual([
      [1, audit1, 5, 0.6],
      [2, audit2, 2, 0.5],
    ]);
    // Asking for v2's audit switches the panel to v2.
    const q = await precisionPanel({ auditId: audit2 });
    expect(q.model?.id).toBe(v2);
    expect(q.sampleSizes.kept).toEqual({ sampled: 2, labeled: 2, high: 1 });
    expect(q.recall.estimate).toBeNull();
    expect(q.note).toMatch(/no labels on one of its sides/);
  });

  it("agreement panel: LLM vs human, human pairs, alpha, classifier vs human, annotators, judges", async () => {
    const { status, body: a } = await get<AgreementPanel>(agreementRoute, `/api/dashboards/agreement?datasetId=${ds.datasetId}`);
    expect(status).toBe(200);
    expect(a.threshold).toBe(3);
    // Median human (snippets 0 1 2 3 7 10 11 12 13 14 18) vs LLM score i % 6; kappa from scikit-learn.
    expect(a.llmVsHuman.n).toBe(11);
    expect(a.llmVsHuman.exact).toBeCloseTo(4 / 11, 12);
    expect(a.llmVsHuman.binaryAgreement).toBeCloseTo(4 / 11, 12);
    expect(a.llmVsHuman.kappaQuadratic).toBeCloseTo(-0.0539811066126854, 10);
    expect(a.llmVsHuman.confusion[5][0]).toBe(1); // snippet 12: human 5, LLM 0
    expect(a.llmVsHuman.confusion[3][0]).toBe(1); // snippet 18: human 3, LLM 0
    expect(a.llmVsHuman.confusion.flat().reduce((s, v) => s + v, 0)).toBe(11);

    const ab = a.humanVsHuman.pairs.find((p) => [p.a, p.b].sort().join() === [who.A.id, who.B.id].sort().join())!;
    expect(ab).toMatchObject({ n: 4, exact: 0.5 });
    expect(ab.kappa).toBeCloseTo(0.736842105263158, 10);
    expect(a.humanVsHuman.pairs.map((p) => p.n).sort()).toEqual([1, 1, 4]);
    expect(a.humanVsHuman.items).toBe(4);
    expect(a.humanVsHuman.alpha).toBeCloseTo(krippendorffAlpha([[1, 1], [3, 2], [5, 5, 1], [2, 4]], "ordinal")!, 12);

    expect(a.classifierVsHuman).toMatchObject({ modelId: v1, modelVersion: 1, n: 11 });
    expect(a.classifierVsHuman.agreement).toBeCloseTo(7 / 11, 12);
    expect(a.classifierVsHuman.kappa).toBeCloseTo(0.2666666666666666, 10);

    const byId = new Map(a.perAnnotator.map((u) => [u.userId, u]));
    // Row k of HUMAN took k + 1 seconds. A: 9 scored labels (median 8 s); B: 5 scored + 1 skipped (times of both count: median of 3 5 9 12 14 17); C: 2.
    expect(byId.get(who.A.id)).toMatchObject({ labels: 9, skipped: 0, medianSeconds: 8, sharedItems: 4, agreementWithOthers: 0.4, agreementWithLlm: 3 / 9 });
    expect(byId.get(who.B.id)).toMatchObject({ labels: 5, skipped: 1, medianSeconds: 10.5, sharedItems: 4, agreementWithOthers: 0.4 });
    expect(byId.get(who.C.id)).toMatchObject({ labels: 2, skipped: 0, sharedItems: 1, agreementWithOthers: 0 });

    expect(a.perJudge).toHaveLength(2);
    expect(a.perJudge[0]).toMatchObject({ model: "test-llm", promptVersion: "v1", n: 11 });
    expect(a.perJudge[0].kappaQuadratic).toBeCloseTo(-0.0539811066126854, 10);
    expect(a.perJudge[1]).toMatchObject({ model: "judge-2", promptVersion: "v2", n: 3, exact: 1, kappaQuadratic: 1 });
  });

  it("classifier panel: curves vs humans (exact) and vs LLM (binned), calibration, histograms", async () => {
    const { status, body: c } = await get<ClassifierPanel>(classifierRoute, `/api/dashboards/classifier?datasetId=${ds.datasetId}`);
    expect(status).toBe(200);
    expect(c.model?.id).toBe(v1);
    expect(c.vsHuman).toMatchObject({ n: 11, positives: 6 });
    expect(c.vsHuman.rocAuc).toBeCloseTo(21 / 30, 12);
    // Every probability lies in its own 0.01 bin, so the binned LLM curve equals the exact one.
    const y = Array.from({ length: 20 }, (_, i) => (i % 6 >= 3 ? 1 : 0));
    const probs = Array.from({ length: 20 }, (_, i) => prob(i));
    expect(c.vsLlm).toMatchObject({ n: 20, positives: 9, binned: true });
    expect(c.vsLlm.rocAuc).toBeCloseTo(rocAuc(y, probs)!, 12);
    expect(c.calibration.against).toBe("llm");
    expect(c.calibration.bins.reduce((s, b) => s + b.count, 0)).toBe(20);
    expect(c.calibration.bins[0]).toMatchObject({ lo: 0, hi: 0.1, count: 2 });
    expect(c.calibration.bins[0].meanProb).toBeCloseTo((0.01 + 0.06) / 2, 12);
    expect(c.calibration.bins[0].fracPositive).toBe(0);
    const h0 = c.histograms.find((h) => h.llmScore === 0)!.bins;
    expect(h0).toHaveLength(20);
    expect([h0[0], h0[6], h0[12], h0[18]]).toEqual([1, 1, 1, 1]);
    expect(c.histograms.flatMap((h) => h.bins).reduce((s, v) => s + v, 0)).toBe(20);
  });

  it("a new label shows up at once (the cache follows the data version)", async () => {
    const before = await precisionPanel({ datasetId: ds.datasetId });
    expect(before.sampleSizes.kept.labeled).toBe(5);
    await db().humanLabel.create({ data: { snippetId: ds.ids[15], userId: who.C.id, datasetId: ds.datasetId, status: "labeled", score: 5, queue: "audit", auditId: audit1 } });
    const after = await precisionPanel({ datasetId: ds.datasetId });
    expect(after.sampleSizes.kept).toEqual({ sampled: 6, labeled: 6, high: 4 });
    const a = await agreementPanel({ datasetId: ds.datasetId });
    expect(a.llmVsHuman.n).toBe(12);
    const c = await classifierPanel({ datasetId: ds.datasetId });
    expect(c.vsHuman.n).toBe(12);
  });

  it("new LLM labels: the histogram is served stale once while it is recomputed, then fresh", async () => {
    const before = await classifierPanel({ datasetId: ds.datasetId });
    expect(before.stale).toBe(false);
    // Snippet 0 (LLM 0 → 4) now counts as positive for the LLM curves.
    await db().llmLabel.create({ data: { snippetId: ds.ids[0], score: 4, model: "judge-3", promptVersion: "v1" } });
    await db().snippet.update({ where: { id: ds.ids[0] }, data: { llmScore: 4 } });
    const first = await classifierPanel({ datasetId: ds.datasetId });
    expect(first.stale).toBe(true);
    expect(first.vsLlm.positives).toBe(9);
    let fresh = first;
    for (let i = 0; i < 50 && fresh.stale; i++) {
      await new Promise((r) => setTimeout(r, 20));
      fresh = await classifierPanel({ datasetId: ds.datasetId });
    }
    expect(fresh.stale).toBe(false);
    expect(fresh.vsLlm.positives).toBe(10);
    // The precision panel's kept-set counts are recomputed on its first call the same way.
    let p = await precisionPanel({ datasetId: ds.datasetId });
    for (let i = 0; i < 50 && p.stale; i++) {
      await new Promise((r) => setTimeout(r, 20));
      p = await precisionPanel({ datasetId: ds.datasetId });
    }
    expect(p.stale).toBe(false);
    expect(p.breakdowns.byLanguage[0].kept).toBe(10);
  });

  it("metrics CLI text shows the intervals, sample sizes and agreement", async () => {
    const p = await precisionPanel({ datasetId: ds.datasetId });
    const a = await agreementPanel({ datasetId: ds.datasetId });
    const text = formatMetrics("demo", p, a);
    expect(text).toContain("precision of kept     0.667");
    expect(text).toContain("n=6 labeled of 6 sampled");
    expect(text).toContain("estimated recall");
    expect(text).toContain("judge judge-2 / v2  n=3  exact 1.000");
  });
});
