import { beforeAll, describe, expect, it } from "vitest";
import { testDialect, useTestDatabase } from "../helpers/db";
import { PUT } from "@/app/api/labels/route";
import { DELETE } from "@/app/api/labels/[snippetId]/route";
import { GET as getNext } from "@/app/api/review/[datasetId]/next/route";
import { GET as getStats } from "@/app/api/review/[datasetId]/stats/route";
import { db } from "@/lib/db/client";
import { annotatorStats } from "@/lib/labels/annotator-stats";
import { deleteHumanLabel } from "@/lib/labels/delete-human-label";
import { getReviewSnippet } from "@/lib/labels/get-review-snippet";
import { recordHumanLabel } from "@/lib/labels/record-human-label";
import { makeDataset, makeUser, ORIGIN, params } from "./fixtures";

useTestDatabase();

type U = Awaited<ReturnType<typeof makeUser>>;

const put = (u: U, body: unknown, extra: Record<string, string> = {}) =>
  PUT(new Request(`${ORIGIN}/api/labels`, { method: "PUT", headers: { ...u.auth, "content-type": "application/json", ...extra }, body: JSON.stringify(body) }), params());
const del = (u: U, snippetId: number) =>
  DELETE(new Request(`${ORIGIN}/api/labels/${snippetId}`, { method: "DELETE", headers: u.auth }), params({ snippetId: String(snippetId) }));

describe(`human labels (${testDialect})`, () => {
  let a: U, b: U, viewer: U;
  beforeAll(async () => {
    await makeUser("admin");
    [a, b, viewer] = [await makeUser(), await makeUser(), await makeUser("viewer")];
  });

  it("records agree / score / skip with what was shown, and upserts only the caller's own row", async () => {
    const { ids } = await makeDataset([4, 2, 1]);
    const agreed = await recordHumanLabel(a.id, { snippetId: ids[0], agreed: true, timeSpentMs: 1234, queue: "stratified" });
    expect(agreed).toMatchObject({ previous: null, reviewCount: 1, label: { status: "labeled", score: 4, agreed: true, llmScore: 4, timeSpentMs: 1234, queue: "stratified" } });

    const own = await recordHumanLabel(a.id, { snippetId: ids[1], score: 5, agreed: true, note: "  clear docstring  " });
    expect(own.label).toMatchObject({ score: 5, agreed: false, note: "clear docstring" }); // agreed only when equal to the LLM score

    const skipped = await recordHumanLabel(a.id, { snippetId: ids[2], status: "skipped", timeSpentMs: 99 * 60_000 });
    expect(skipped).toMatchObject({ reviewCount: 0, label: { status: "skipped", score: null, timeSpentMs: 600_000 } });

    await recordHumanLabel(b.id, { snippetId: ids[0], score: 1 });
    const revised = await recordHumanLabel(a.id, { snippetId: ids[0], score: 3 });
    expect(revised.previous).toMatchObject({ score: 4, agreed: true });
    expect(revised).toMatchObject({ reviewCount: 2, label: { score: 3, agreed: false } });
    const rows = await db().humanLabel.findMany({ where: { snippetId: ids[0] }, orderBy: { userId: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.userId === b.id)?.score).toBe(1);

    await expect(recordHumanLabel(a.id, { snippetId: ids[0], status: "skipped", score: 3 })).rejects.toThrow(/skipped/);
    await expect(recordHumanLabel(a.id, { snippetId: ids[0], score: 6 })).rejects.toThrow();
    await expect(recordHumanLabel(a.id, { snippetId: 99_999_999, score: 1 })).rejects.toMatchObject({ status: 404 });
  });

  it("undo: deleting a new label and re-putting an old one restore the previous state and reviewCount", async () => {
    const { datasetId, ids } = await makeDataset([3, 3], { labelsPerSnippet: 2 });
    // New label, then undo → gone, back in the queue.
    await recordHumanLabel(a.id, { snippetId: ids[0], score: 1 });
    const undone = await deleteHumanLabel(a.id, { snippetId: ids[0] });
    expect(undone).toMatchObject({ deleted: true, reviewCount: 0, previous: { score: 1 } });
    expect(await deleteHumanLabel(a.id, { snippetId: ids[0] })).toMatchObject({ deleted: false });
    expect((await getReviewSnippet(datasetId, ids[0], a.id)).myLabel).toBeNull();

    // Edit of an existing label, then undo by restoring the old values.
    const first = await recordHumanLabel(a.id, { snippetId: ids[1], score: 2, note: "n1", timeSpentMs: 500, queue: "random" });
    const edit = await recordHumanLabel(a.id, { snippetId: ids[1], status: "skipped", queue: "mine" });
    expect(edit.reviewCount).toBe(0);
    const prev = edit.previous!;
    const restored = await recordHumanLabel(a.id, { snippetId: ids[1], status: prev.status, score: prev.score, agreed: prev.agreed, llmScore: prev.llmScore, note: prev.note, timeSpentMs: prev.timeSpentMs, queue: prev.queue });
    expect(restored.reviewCount).toBe(1);
    const { updatedAt: _a, ...want } = first.label;
    const { updatedAt: _b, ...got } = restored.label;
    expect(got).toEqual(want);
  });

  it("the API rejects a viewer's label with 403 and accepts an annotator's; DELETE likewise", async () => {
    const { datasetId, ids } = await makeDataset([2]);
    const denied = await put(viewer, { snippetId: ids[0], score: 3 });
    expect(denied.status).toBe(403);
    expect(await db().humanLabel.count({ where: { snippetId: ids[0] } })).toBe(0);
    expect((await del(viewer, ids[0])).status).toBe(403);

    // Viewers can still read the queue.
    const read = await getNext(new Request(`${ORIGIN}/api/review/${datasetId}/next?limit=3&highlight=0`, { headers: viewer.auth }), params({ datasetId: String(datasetId) }));
    expect(read.status).toBe(200);
    expect((await read.json()).snippets).toHaveLength(1);

    const ok = await put(a, { snippetId: ids[0], score: 3, note: "ok", queue: "random" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ reviewCount: 1, label: { score: 3, note: "ok" } });
    const bad = await put(a, { snippetId: ids[0], score: 9 });
    expect(bad.status).toBe(400);
    const gone = await del(a, ids[0]);
    expect(await gone.json()).toMatchObject({ deleted: true, reviewCount: 0 });
  });

  it("exempts token-authenticated labels from the cross-site check and answers 401 without credentials", async () => {
    const { ids } = await makeDataset([1]);
    const res = await put(a, { snippetId: ids[0], score: 1 }, { origin: "https://evil.example", host: "localhost:3000" });
    expect(res.status).toBe(200);
    const anon = await PUT(new Request(`${ORIGIN}/api/labels`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ snippetId: ids[0], score: 1 }) }), params());
    expect(anon.status).toBe(401);
  });

  it("annotator stats: labels, skips, agreement with the LLM, mean/median time, last active", async () => {
    const { datasetId, ids } = await makeDataset([3, 3, 3, 3]);
    const c = await makeUser();
    await recordHumanLabel(c.id, { snippetId: ids[0], agreed: true, timeSpentMs: 1000 });
    await recordHumanLabel(c.id, { snippetId: ids[1], score: 3, timeSpentMs: 3000 });
    await recordHumanLabel(c.id, { snippetId: ids[2], score: 1, timeSpentMs: 8000 });
    await recordHumanLabel(c.id, { snippetId: ids[3], status: "skipped", timeSpentMs: 50_000 });
    await recordHumanLabel(b.id, { snippetId: ids[0], score: 0, timeSpentMs: 2000 });
    const stats = await annotatorStats(datasetId);
    expect(stats).toHaveLength(2);
    const sc = stats.find((s) => s.userId === c.id)!;
    expect(sc).toMatchObject({ labeled: 3, skipped: 1, meanTimeMs: 4000, medianTimeMs: 3000, totalTimeMs: 12_000 });
    expect(sc.agreementRate).toBeCloseTo(2 / 3);
    expect(sc.acceptedRate).toBeCloseTo(1 / 3);
    expect(Date.now() - new Date(sc.lastActive!).getTime()).toBeLessThan(60_000);
    expect(stats.find((s) => s.userId === b.id)).toMatchObject({ labeled: 1, agreementRate: 0, medianTimeMs: 2000 });

    const res = await getStats(new Request(`${ORIGIN}/api/review/${datasetId}/stats`, { headers: viewer.auth }), params({ datasetId: String(datasetId) }));
    expect((await res.json()).annotators).toHaveLength(2);
  });
});
