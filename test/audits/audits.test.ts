import { beforeAll, describe, expect, it } from "vitest";
import { GET as getAuditRoute } from "@/app/api/audits/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/audits/route";
import { PUT as putLabel } from "@/app/api/labels/route";
import { GET as progressRoute } from "@/app/api/review/[datasetId]/progress/route";
import { GET as nextRoute } from "@/app/api/review/[datasetId]/next/route";
import { createAudit } from "@/lib/audits/create-audit";
import { getAuditStats } from "@/lib/audits/get-audit-stats";
import { listAudits } from "@/lib/audits/list-audits";
import { db } from "@/lib/db/client";
import { nextSnippets } from "@/lib/labels/next-snippets";
import { recordHumanLabel } from "@/lib/labels/record-human-label";
import { medianScore } from "@/lib/classifier/load-training-targets";
import { seededRandom } from "@/lib/metrics/seeded-random";
import { wilsonInterval } from "@/lib/metrics/wilson-interval";
import { testDialect, useTestDatabase } from "../helpers/db";
import { makeDataset, makeUser, ORIGIN, params } from "../labels/fixtures";

useTestDatabase();

type U = Awaited<ReturnType<typeof makeUser>>;
let version = 0;

/** A ready model with its own probabilities for the given snippets (its cut decides kept vs rejected). */
async function makeModel(ids: number[], probs: number[], opts: { cut?: number; active?: boolean; threshold?: number } = {}) {
  const m = await db().classifierModel.create({ data: { version: ++version, status: "ready", active: opts.active ?? false, cut: opts.cut ?? 0.6, threshold: opts.threshold ?? 3 } });
  for (let i = 0; i < ids.length; i += 1000) {
    await db().snippetScore.createMany({ data: ids.slice(i, i + 1000).map((snippetId, k) => ({ snippetId, modelId: m.id, probability: probs[i + k] })) });
  }
  return m;
}

/** The seeded rank of randomRankSql, recomputed exactly in JS (BigInt): the sample must be the lowest ranks. */
function rank(id: number, seed: number): bigint {
  const P = 4294967291n;
  const x = (BigInt(id) * 2654435761n + BigInt(seed)) % P;
  return ((x ^ (x >> 13n)) * 1597334677n) % P;
}
const lowestRanks = (ids: number[], seed: number, k: number) =>
  [...ids].sort((a, b) => { const d = rank(a, seed) - rank(b, seed); return d < 0n ? -1 : d > 0n ? 1 : a - b; }).slice(0, k);

async function items(auditId: number) {
  return db().auditItem.findMany({ where: { auditId }, orderBy: { position: "asc" }, select: { snippetId: true, side: true, position: true } });
}

describe(`audits (${testDialect})`, () => {
  let admin: U, a: U, b: U, c: U, viewer: U;
  beforeAll(async () => {
    admin = await makeUser("admin");
    [a, b, c, viewer] = [await makeUser(), await makeUser(), await makeUser(), await makeUser("viewer")];
  });

  describe("drawing the samples", () => {
    let ds: { datasetId: number; ids: number[] };
    let probs: number[];
    let modelId: number;
    beforeAll(async () => {
      ds = await makeDataset(Array.from({ length: 3000 }, (_, i) => i % 6));
      probs = ds.ids.map((_, i) => ((i * 37) % 100) / 100);
      modelId = (await makeModel(ds.ids, probs, { cut: 0.6 })).id;
      // classifierProb belongs to the active model (here: the opposite of this one): the audit must ignore it.
      for (let i = 0; i < ds.ids.length; i += 500) {
        await db().snippet.updateMany({ where: { id: { in: ds.ids.slice(i, i + 500) } }, data: { classifierProb: 0.99 } });
      }
    });

    it("samples exactly the requested sizes from the model's own kept and rejected sets, with population counts and bytes", async () => {
      const audit = await createAudit({ modelId, datasetId: ds.datasetId, keptSize: 100, rejectedSize: 150, seed: 7, name: "first" }, admin.id);
      const keptIds = ds.ids.filter((_, i) => probs[i] >= 0.6);
      const rejectedIds = ds.ids.filter((_, i) => probs[i] < 0.6);
      const sizes = new Map((await db().snippet.findMany({ where: { datasetId: ds.datasetId }, select: { id: true, sizeBytes: true } })).map((s) => [s.id, s.sizeBytes]));
      const bytes = (list: number[]) => list.reduce((s, id) => s + sizes.get(id)!, 0);
      expect(audit).toMatchObject({
        name: "first", datasetId: ds.datasetId, modelId, cut: 0.6, threshold: 3, seed: 7, keptTarget: 100, rejectedTarget: 150,
        keptCount: keptIds.length, rejectedCount: rejectedIds.length, keptBytes: bytes(keptIds), rejectedBytes: bytes(rejectedIds),
        keptSampled: 100, rejectedSampled: 150,
      });
      const list = await items(audit.id);
      expect(list.map((i) => i.position)).toEqual(list.map((_, k) => k));
      const kept = list.filter((i) => i.side === "kept").map((i) => i.snippetId);
      const rejected = list.filter((i) => i.side === "rejected").map((i) => i.snippetId);
      // Exactly the lowest seeded ranks of each side: the same hash on SQLite and PostgreSQL.
      expect([...kept].sort((x, y) => x - y)).toEqual(lowestRanks(keptIds, 7, 100).sort((x, y) => x - y));
      expect([...rejected].sort((x, y) => x - y)).toEqual(lowestRanks(rejectedIds, 7, 150).sort((x, y) => x - y));
      // Interleaved: both sides show up early, not one block after the other.
      expect(new Set(list.slice(0, 20).map((i) => i.side)).size).toBe(2);
    });

    it("is reproducible by seed, and another seed draws another sample", async () => {
      const one = await createAudit({ modelId, datasetId: ds.datasetId, keptSize: 50, rejectedSize: 50, seed: 123 }, admin.id);
      const two = await createAudit({ modelId, datasetId: ds.datasetId, keptSize: 50, rejectedSize: 50, seed: 123 }, admin.id);
      const other = await createAudit({ modelId, datasetId: ds.datasetId, keptSize: 50, rejectedSize: 50, seed: 124 }, admin.id);
      const [i1, i2, i3] = [await items(one.id), await items(two.id), await items(other.id)];
      expect(i2).toEqual(i1);
      const overlap = i3.filter((x) => i1.some((y) => y.snippetId === x.snippetId)).length;
      expect(overlap).toBeLessThan(20);
      // Without a seed a random one is drawn and stored.
      const random = await createAudit({ modelId, datasetId: ds.datasetId, keptSize: 5, rejectedSize: 5 }, admin.id);
      expect(Number.isInteger(random.seed)).toBe(true);
    });

    it("is uniform: sampled ids spread over the kept set like the kept set itself (chi-square, 10 bins)", async () => {
      const keptIds = ds.ids.filter((_, i) => probs[i] >= 0.6);
      const audit = await createAudit({ modelId, datasetId: ds.datasetId, keptSize: 600, rejectedSize: 0, seed: 99 }, admin.id);
      const sampled = new Set((await items(audit.id)).map((i) => i.snippetId));
      expect(sampled.size).toBe(600);
      const chiSquare = (key: (id: number, index: number) => number) => {
        const observed = new Array(10).fill(0);
        const population = new Array(10).fill(0);
        keptIds.forEach((id, index) => {
          population[key(id, index)]++;
          if (sampled.has(id)) observed[key(id, index)]++;
        });
        return observed.reduce((s, o, bin) => {
          const expected = (population[bin] * 600) / keptIds.length;
          return s + (o - expected) ** 2 / expected;
        }, 0);
      };
      // 9 degrees of freedom: 27.88 is the 0.1% critical value. By id decile and by probability.
      expect(chiSquare((_, index) => Math.floor((index * 10) / keptIds.length))).toBeLessThan(27.88);
      const probOf = new Map(ds.ids.map((id, i) => [id, probs[i]]));
      expect(chiSquare((id) => Math.min(9, Math.floor((probOf.get(id)! - 0.6) * 25)))).toBeLessThan(27.88);
    });

    it("takes the whole side when it is smaller than asked, and refuses models that cannot be audited", async () => {
      const small = await makeDataset([1, 2, 3, 4]);
      const m = await makeModel(small.ids, [0.9, 0.1, 0.2, 0.3], { cut: 0.5 });
      const audit = await createAudit({ modelId: m.id, datasetId: small.datasetId, keptSize: 10, rejectedSize: 2, seed: 1 }, admin.id);
      expect(audit).toMatchObject({ keptCount: 1, rejectedCount: 3, keptSampled: 1, rejectedSampled: 2 });
      const training = await db().classifierModel.create({ data: { version: ++version, status: "training" } });
      await expect(createAudit({ modelId: training.id, keptSize: 5 }, admin.id)).rejects.toMatchObject({ status: 400 });
      const unscored = await db().classifierModel.create({ data: { version: ++version, status: "ready", cut: 0.5 } });
      await expect(createAudit({ modelId: unscored.id, keptSize: 5 }, admin.id)).rejects.toMatchObject({ status: 400 });
      await expect(createAudit({ modelId: 999_999, keptSize: 5 }, admin.id)).rejects.toMatchObject({ status: 404 });
      // Over every dataset the model scored (datasetId omitted).
      const all = await createAudit({ modelId: m.id, keptSize: 10, rejectedSize: 10, seed: 1 }, admin.id);
      expect(all).toMatchObject({ datasetId: null, keptCount: 1, rejectedCount: 3, rejectedSampled: 3 });
    });
  });

  describe("the audit review queue", () => {
    let ds: { datasetId: number; ids: number[] };
    let auditId: number;
    beforeAll(async () => {
      ds = await makeDataset(Array.from({ length: 40 }, (_, i) => i % 6), { labelsPerSnippet: 2 });
      const probs = ds.ids.map((_, i) => i / 40);
      await makeModel(ds.ids, probs, { cut: 0.5, active: true });
      for (const [i, id] of ds.ids.entries()) await db().snippet.update({ where: { id }, data: { classifierProb: probs[i] } });
      auditId = (await createAudit({ modelId: (await db().classifierModel.findFirstOrThrow({ where: { active: true } })).id, datasetId: ds.datasetId, keptSize: 6, rejectedSize: 6, seed: 5 }, admin.id)).id;
    });

    const next = (u: U, query: string) =>
      nextRoute(new Request(`${ORIGIN}/api/review/${ds.datasetId}/next?${query}`, { headers: u.auth }), params({ datasetId: String(ds.datasetId) }));
    const put = (u: U, body: unknown) =>
      putLabel(new Request(`${ORIGIN}/api/labels`, { method: "PUT", headers: { ...u.auth, "content-type": "application/json" }, body: JSON.stringify(body) }), params());

    it("serves the items in position order, blind: no classifier probability, no model, no side", async () => {
      const order = (await items(auditId)).map((i) => i.snippetId);
      const res = await next(a, `queue=audit&auditId=${auditId}&limit=4&highlight=0`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.snippets.map((s: { id: number }) => s.id)).toEqual(order.slice(0, 4));
      expect(body.classifier).toBeNull();
      for (const s of body.snippets) {
        expect(s.classifierProb).toBeNull();
        expect(s.classifier).toBeNull();
        expect(JSON.stringify(s)).not.toMatch(/"side"|kept|rejected/);
      }
      expect(body.progress).toMatchObject({ queue: "audit", done: 0, remaining: 12, total: 12 });
      // The same snippets in the random queue do show the probability: only the audit queue is blind.
      const random = await nextSnippets(ds.datasetId, a.id, { queue: "random", limit: 20, highlight: false });
      expect(random.snippets.some((s) => s.classifierProb !== null)).toBe(true);
    });

    it("records the audit on labels, continues in order, and rejects labels for snippets outside the audit", async () => {
      const order = (await items(auditId)).map((i) => i.snippetId);
      const ok = await put(a, { snippetId: order[0], score: 4, queue: "audit", auditId });
      expect(ok.status).toBe(200);
      expect((await ok.json()).label).toMatchObject({ queue: "audit", auditId });
      await recordHumanLabel(a.id, { snippetId: order[1], status: "skipped", queue: "audit", auditId });
      const row = await db().humanLabel.findUniqueOrThrow({ where: { snippetId_userId: { snippetId: order[0], userId: a.id } } });
      expect(row).toMatchObject({ auditId, queue: "audit", score: 4 });

      const after = await nextSnippets(ds.datasetId, a.id, { queue: "audit", auditId, limit: 3, exclude: [order[2]] });
      expect(after.snippets.map((s) => s.id)).toEqual(order.slice(3, 6));
      expect(after.progress).toMatchObject({ done: 2, remaining: 10 });

      const outside = ds.ids.find((id) => !order.includes(id))!;
      const bad = await put(a, { snippetId: outside, score: 2, queue: "audit", auditId });
      expect(bad.status).toBe(400);
      expect((await put(a, { snippetId: order[2], score: 2, queue: "audit" })).status).toBe(400);
      // Revising the label from "mine" keeps it the audit's.
      await recordHumanLabel(a.id, { snippetId: order[0], score: 5, queue: "mine" });
      expect(await db().humanLabel.findUniqueOrThrow({ where: { snippetId_userId: { snippetId: order[0], userId: a.id } } })).toMatchObject({ auditId, queue: "mine", score: 5 });
    });

    it("splits the audit between annotators once items have enough labels", async () => {
      const order = (await items(auditId)).map((i) => i.snippetId);
      // labelsPerSnippet is 2: after b and c label an item it leaves everyone's audit queue.
      await recordHumanLabel(b.id, { snippetId: order[4], score: 1, queue: "audit", auditId });
      await recordHumanLabel(c.id, { snippetId: order[4], score: 1, queue: "audit", auditId });
      const r = await nextSnippets(ds.datasetId, a.id, { queue: "audit", auditId, limit: 20 });
      expect(r.snippets.map((s) => s.id)).toEqual(order.filter((_, k) => k >= 2 && k !== 4));
      expect(r.exhausted).toBe(true);
    });

    it("serves an audit over every dataset per dataset", async () => {
      const one = await makeDataset([1, 2, 3, 4, 5, 0]);
      const two = await makeDataset([1, 2, 3, 4, 5, 0]);
      const m = await makeModel([...one.ids, ...two.ids], [...one.ids, ...two.ids].map((_, i) => (i % 2 ? 0.8 : 0.2)), { cut: 0.5 });
      const all = await createAudit({ modelId: m.id, keptSize: 100, rejectedSize: 100, seed: 2 }, admin.id);
      const order = (await items(all.id)).map((i) => i.snippetId);
      expect(order).toHaveLength(12);
      const r = await nextSnippets(two.datasetId, b.id, { queue: "audit", auditId: all.id, limit: 20, highlight: false });
      expect(r.snippets.map((s) => s.id)).toEqual(order.filter((id) => two.ids.includes(id)));
      expect(r.progress).toMatchObject({ done: 0, remaining: 6 });
    });

    it("needs an auditId of this dataset", async () => {
      expect((await next(a, "queue=audit")).status).toBe(400);
      expect((await next(a, "queue=audit&auditId=999999")).status).toBe(404);
      const other = await makeDataset([1, 2]);
      const res = await nextRoute(new Request(`${ORIGIN}/api/review/${other.datasetId}/next?queue=audit&auditId=${auditId}`, { headers: a.auth }), params({ datasetId: String(other.datasetId) }));
      expect(res.status).toBe(400);
      const progress = await progressRoute(new Request(`${ORIGIN}/api/review/${ds.datasetId}/progress?queue=audit&auditId=${auditId}`, { headers: viewer.auth }), params({ datasetId: String(ds.datasetId) }));
      expect(await progress.json()).toMatchObject({ queue: "audit", done: 0, total: 11 });
    });
  });

  describe("statistics", () => {
    it("computes precision, false-omission rate and recall on a hand-built case", async () => {
      const ds = await makeDataset(Array.from({ length: 20 }, () => 3), { labelsPerSnippet: 3 });
      // Ten kept (p ≥ 0.5) and ten rejected; the audit takes all of them.
      const m = await makeModel(ds.ids, ds.ids.map((_, i) => (i < 10 ? 0.9 : 0.1)), { cut: 0.5, threshold: 3 });
      const audit = await createAudit({ modelId: m.id, datasetId: ds.datasetId, keptSize: 10, rejectedSize: 10, seed: 3 }, admin.id);
      const K = ds.ids.slice(0, 10);
      const R = ds.ids.slice(10);
      const label = (u: U, snippetId: number, score: number | null) =>
        recordHumanLabel(u.id, score === null ? { snippetId, status: "skipped", queue: "audit", auditId: audit.id } : { snippetId, score, queue: "audit", auditId: audit.id });
      // Kept: K0–K2 high, K3 low, K4 = median(2, 4) = 3 high, K5 = median(2, 3) = ⌊2.5⌋ = 2 low, K6 only skipped.
      await label(a, K[0], 5); await label(a, K[1], 4); await label(a, K[2], 3); await label(a, K[3], 1);
      await label(a, K[4], 2); await label(b, K[4], 4);
      await label(a, K[5], 2); await label(b, K[5], 3);
      await label(a, K[6], null);
      // Rejected: R0 high, R1–R4 low, R5 = median(1, 4, 5) = 4 high; R6 has a skip and a 1 (low).
      await label(a, R[0], 4); await label(a, R[1], 0); await label(a, R[2], 1); await label(a, R[3], 2); await label(a, R[4], 2);
      await label(a, R[5], 1); await label(b, R[5], 4); await label(c, R[5], 5);
      await label(a, R[6], null); await label(b, R[6], 1);

      const stats = await getAuditStats(audit.id);
      const P = wilsonInterval(4, 6);
      const F = wilsonInterval(2, 7);
      expect(stats.kept).toEqual({ sampled: 10, labeled: 6, high: 4, precision: P });
      expect(stats.rejected).toEqual({ sampled: 10, labeled: 7, high: 2, forRate: F });
      const recall = (p: number, f: number) => (10 * p) / (10 * p + 10 * f);
      expect(stats.recall.estimate).toBeCloseTo(recall(4 / 6, 2 / 7), 12);
      expect(stats.recall.low).toBeCloseTo(recall(P.low, F.high), 12);
      expect(stats.recall.high).toBeCloseTo(recall(P.high, F.low), 12);
      expect(stats.labelMoreFor.map((l) => l.margin)).toEqual([0.05, 0.03]);
      expect(stats.labelMoreFor[0].kept).toBeGreaterThan(300);

      // The API: viewers read, admins create, annotators may not.
      const res = await getAuditRoute(new Request(`${ORIGIN}/api/audits/${audit.id}`, { headers: viewer.auth }), params({ id: String(audit.id) }));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ audit: { id: audit.id, keptSampled: 10 }, stats: { kept: { high: 4 } } });
      const listed = await listRoute(new Request(`${ORIGIN}/api/audits?modelId=${m.id}`, { headers: viewer.auth }), params());
      expect((await listed.json()).audits.map((x: { id: number }) => x.id)).toEqual([audit.id]);
      expect((await listAudits({ datasetId: ds.datasetId })).map((x) => x.id)).toEqual([audit.id]);
      const post = (u: U, body: unknown) =>
        createRoute(new Request(`${ORIGIN}/api/audits`, { method: "POST", headers: { ...u.auth, "content-type": "application/json" }, body: JSON.stringify(body) }), params());
      expect((await post(a, { modelId: m.id, keptSize: 2 })).status).toBe(403);
      const created = await post(admin, { modelId: m.id, datasetId: ds.datasetId, keptSize: 2, rejectedSize: 2, seed: 1 });
      expect(created.status).toBe(201);
      expect((await created.json()).audit).toMatchObject({ keptSampled: 2, rejectedSampled: 2, createdById: admin.id });
      expect((await getAuditRoute(new Request(`${ORIGIN}/api/audits/999999`, { headers: viewer.auth }), params({ id: "999999" }))).status).toBe(404);
    });

    it("decides 'truly high' exactly as the training median does, for any number of annotators and any threshold", async () => {
      const ds = await makeDataset(Array.from({ length: 80 }, () => 2), { labelsPerSnippet: 4 });
      const m = await makeModel(ds.ids, ds.ids.map((_, i) => (i % 2 ? 0.9 : 0.1)), { cut: 0.5 });
      const rnd = seededRandom(11);
      const users = [admin, a, b, c];
      const scores = new Map<number, number[]>();
      for (const id of ds.ids) {
        const n = rnd.int(5); // 0–4 annotators
        for (const u of users.slice(0, n)) {
          const skip = rnd.int(6) === 0;
          const score = rnd.int(6);
          await recordHumanLabel(u.id, skip ? { snippetId: id, status: "skipped" } : { snippetId: id, score });
          if (!skip) scores.set(id, [...(scores.get(id) ?? []), score]);
        }
      }
      for (const threshold of [1, 2, 3, 4, 5]) {
        const audit = await createAudit({ modelId: m.id, datasetId: ds.datasetId, keptSize: 40, rejectedSize: 40, seed: 1, threshold }, admin.id);
        const stats = await getAuditStats(audit.id);
        const expected = (side: number) => {
          const labeled = ds.ids.filter((id, i) => i % 2 === side && scores.has(id));
          return { labeled: labeled.length, high: labeled.filter((id) => medianScore(scores.get(id)!) >= threshold).length };
        };
        expect({ labeled: stats.kept.labeled, high: stats.kept.high }).toEqual(expected(1));
        expect({ labeled: stats.rejected.labeled, high: stats.rejected.high }).toEqual(expected(0));
      }
    });

    it("has no estimate before any label", async () => {
      const ds = await makeDataset([1, 2, 3, 4]);
      const m = await makeModel(ds.ids, [0.9, 0.8, 0.1, 0.2], { cut: 0.5 });
      const audit = await createAudit({ modelId: m.id, datasetId: ds.datasetId, keptSize: 2, rejectedSize: 2, seed: 1 }, admin.id);
      const stats = await getAuditStats(audit.id);
      expect(stats.kept.precision).toEqual({ estimate: null, low: 0, high: 1 });
      expect(stats.recall).toEqual({ estimate: null, low: 0, high: 1 });
      expect(stats.labelMoreFor[0]).toEqual({ margin: 0.05, kept: 381, rejected: 381 });
    });
  });
});
