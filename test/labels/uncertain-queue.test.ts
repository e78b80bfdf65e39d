import { beforeAll, describe, expect, it } from "vitest";
import { GET as nextRoute } from "@/app/api/review/[datasetId]/next/route";
import { db } from "@/lib/db/client";
import { getReviewSnippet } from "@/lib/labels/get-review-snippet";
import { nextSnippets } from "@/lib/labels/next-snippets";
import { queueProgress } from "@/lib/labels/queue-progress";
import { recordHumanLabel } from "@/lib/labels/record-human-label";
import { testDialect, useTestDatabase } from "../helpers/db";
import { makeDataset, makeUser, ORIGIN, params } from "./fixtures";

useTestDatabase();

type U = Awaited<ReturnType<typeof makeUser>>;

/** Gives snippet ids[i] probability probs[i] (null: unscored). */
async function setProbs(ids: number[], probs: (number | null)[]) {
  for (let i = 0; i < ids.length; i++) await db().snippet.update({ where: { id: ids[i] }, data: { classifierProb: probs[i] } });
}

/** The order the queue promises: distance to the cut, equal distances at-or-above first, then index order per side. */
function nearestFirst(ids: number[], probs: (number | null)[], cut: number): number[] {
  return ids
    .map((id, i) => ({ id, p: probs[i] }))
    .filter((r): r is { id: number; p: number } => r.p !== null)
    .map((r) => ({ ...r, above: r.p >= cut, d: r.p >= cut ? r.p - cut : cut - r.p }))
    .sort((a, b) => a.d - b.d || Number(b.above) - Number(a.above) || (a.above ? a.p - b.p || a.id - b.id : b.p - a.p || b.id - a.id))
    .map((r) => r.id);
}

/** Pulls the whole queue the way the client does: a buffer of `limit`, excluding what it holds, labeling as it goes. */
async function drain(datasetId: number, user: U, limit: number) {
  const seen: number[] = [];
  for (let round = 0; round < 500; round++) {
    const r = await nextSnippets(datasetId, user.id, { queue: "uncertain", limit, exclude: [] });
    seen.push(...r.snippets.map((s) => s.id));
    for (const s of r.snippets) await recordHumanLabel(user.id, { snippetId: s.id, score: 3, queue: "uncertain" });
    if (r.exhausted) break;
  }
  return seen;
}

describe(`uncertain-first review queue (${testDialect})`, () => {
  let a: U, b: U, viewer: U;
  beforeAll(async () => {
    await makeUser("admin");
    [a, b, viewer] = [await makeUser(), await makeUser(), await makeUser("viewer")];
  });

  it("without an active model: empty, exhausted, and says there is no classifier", async () => {
    const { datasetId, ids } = await makeDataset([3, 4, 1]);
    await setProbs(ids, [0.2, 0.5, 0.9]);
    const r = await nextSnippets(datasetId, a.id, { queue: "uncertain", limit: 5 });
    expect(r).toMatchObject({ snippets: [], exhausted: true, classifier: null });
    // The random queue still works and its snippets say there is no model.
    const random = await nextSnippets(datasetId, a.id, { queue: "random", limit: 5 });
    expect(random.classifier).toBeNull();
    expect(random.snippets.map((s) => [s.classifierProb, s.classifier])).toEqual(expect.arrayContaining([[0.5, null]]));
    const done = await db().classifierModel.create({ data: { version: 1, status: "ready", active: false, cut: 0.5 } });
    expect((await nextSnippets(datasetId, a.id, { queue: "uncertain", limit: 5 })).classifier).toBeNull();
    await db().classifierModel.delete({ where: { id: done.id } });
  });

  describe("with an active model", () => {
    const cut = 0.6;
    beforeAll(async () => {
      await db().classifierModel.create({ data: { version: 7, status: "ready", active: true, cut } });
    });

    it("serves the whole scored pool nearest the cut first, both sides merged, each snippet once", async () => {
      // Ties on both sides, exact hits on the cut, the extremes, unscored snippets (never served).
      const probs = [0.1, 0.59, 0.61, 0.6, 0.6, 0.95, null, 0.4, 0.8, 0.59, 0.61, 0, 1, 0.3, null, 0.7, 0.5, 0.65, 0.55, 0.6000001];
      // Five labels per snippet: three annotators can each drain the whole queue below.
      const { datasetId, ids } = await makeDataset(probs.map(() => 2), { labelsPerSnippet: 5 });
      await setProbs(ids, probs);
      const want = nearestFirst(ids, probs, cut);
      const first = await nextSnippets(datasetId, a.id, { queue: "uncertain", limit: 5 });
      expect(first.classifier).toEqual({ version: 7, cut });
      expect(first.snippets.map((s) => s.id)).toEqual(want.slice(0, 5));
      expect(first.snippets[0]).toMatchObject({ classifierProb: 0.6, classifier: { version: 7, cut } });
      // Paging by exclude (the client's buffer) continues exactly where the last page stopped.
      const second = await nextSnippets(datasetId, a.id, { queue: "uncertain", limit: 4, exclude: first.snippets.map((s) => s.id) });
      expect(second.snippets.map((s) => s.id)).toEqual(want.slice(5, 9));
      for (const limit of [1, 3, 20]) {
        const user = await makeUser();
        expect(await drain(datasetId, user, limit), `limit ${limit}`).toEqual(want);
      }
    });

    it("respects the pool: labelsPerSnippet, my labels and skips, other datasets, exclude", async () => {
      const probs = [0.6, 0.62, 0.58, 0.64, 0.56, 0.9];
      const { datasetId, ids } = await makeDataset(probs.map(() => 3), { labelsPerSnippet: 2 });
      await setProbs(ids, probs);
      const other = await makeDataset([3, 3]);
      await setProbs(other.ids, [0.6, 0.6]);
      const all = nearestFirst(ids, probs, cut);
      expect((await nextSnippets(datasetId, a.id, { queue: "uncertain", limit: 20 })).snippets.map((s) => s.id)).toEqual(all);

      await recordHumanLabel(a.id, { snippetId: ids[0], score: 4 }); // mine: gone for a, still in b's pool (1 of 2 labels)
      await recordHumanLabel(a.id, { snippetId: ids[1], status: "skipped" }); // my skip: gone for a only
      await recordHumanLabel(b.id, { snippetId: ids[2], score: 1 });
      await recordHumanLabel((await makeUser()).id, { snippetId: ids[2], score: 2 }); // complete: 2 labels, in nobody's pool
      const forA = (await nextSnippets(datasetId, a.id, { queue: "uncertain", limit: 20 })).snippets.map((s) => s.id);
      expect(forA).toEqual(all.filter((id) => ![ids[0], ids[1], ids[2]].includes(id)));
      const forB = (await nextSnippets(datasetId, b.id, { queue: "uncertain", limit: 20 })).snippets.map((s) => s.id);
      expect(forB).toEqual(all.filter((id) => id !== ids[2]));
      const excluded = (await nextSnippets(datasetId, b.id, { queue: "uncertain", limit: 20, exclude: [ids[0], ids[3]] })).snippets.map((s) => s.id);
      expect(excluded).toEqual(all.filter((id) => ![ids[2], ids[0], ids[3]].includes(id)));
      expect(excluded.some((id) => other.ids.includes(id))).toBe(false);

      const progress = await queueProgress({ datasetId, userId: a.id, queue: "uncertain" });
      expect(progress).toMatchObject({ queue: "uncertain", done: 2, remaining: 3, total: 5 });
    });

    it("a snippet opened by link carries the probability and the model", async () => {
      const { datasetId, ids } = await makeDataset([5, null]);
      await setProbs(ids, [0.875, null]);
      expect(await getReviewSnippet(datasetId, ids[0], a.id)).toMatchObject({ classifierProb: 0.875, classifier: { version: 7, cut } });
      expect(await getReviewSnippet(datasetId, ids[1], a.id)).toMatchObject({ classifierProb: null, classifier: { version: 7, cut } });
    });

    it("is served by the API, and labels given in it record the queue", async () => {
      const { datasetId, ids } = await makeDataset([1, 2, 3]);
      await setProbs(ids, [0.1, 0.59, 0.9]);
      const res = await nextRoute(new Request(`${ORIGIN}/api/review/${datasetId}/next?queue=uncertain&limit=2&highlight=0`, { headers: viewer.auth }), params({ datasetId: String(datasetId) }));
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.snippets.map((s: { id: number }) => s.id)).toEqual([ids[1], ids[2]]);
      expect(body.classifier).toEqual({ version: 7, cut });
      const bad = await nextRoute(new Request(`${ORIGIN}/api/review/${datasetId}/next?queue=nearest`, { headers: viewer.auth }), params({ datasetId: String(datasetId) }));
      expect(bad.status).toBe(400);
      const saved = await recordHumanLabel(a.id, { snippetId: ids[1], score: 3, queue: "uncertain" });
      expect(saved.label.queue).toBe("uncertain");
    });
  });
});

describe.runIf(testDialect === "sqlite")("uncertain queue plan (SQLite)", () => {
  it("walks the (datasetId, classifierProb, id) index outward from the cut, with no sort", async () => {
    for (const [cmp, order] of [["<", "DESC"], [">=", "ASC"]]) {
      const plan = await db().$queryRawUnsafe<{ detail: string }[]>(
        `EXPLAIN QUERY PLAN SELECT s.id FROM snippet s WHERE s."datasetId" = ? AND s."reviewCount" < ? AND s.id NOT IN (1, 2)
           AND (SELECT 1 FROM human_label h WHERE h."snippetId" = s.id AND h."userId" = ? LIMIT 1) IS NULL
           AND s."classifierProb" ${cmp} ? ORDER BY s."classifierProb" ${order}, s.id ${order} LIMIT 5`,
        1, 1, "u", 0.5,
      );
      const text = plan.map((p) => p.detail).join("\n");
      expect(text).toMatch(/snippet_datasetId_classifierProb_id_idx/);
      expect(text).not.toMatch(/TEMP B-TREE/);
    }
  });
});
