import { beforeAll, describe, expect, it } from "vitest";
import { GET as datasetsRoute } from "@/app/api/synthetic/review/route";
import { GET as nextRoute } from "@/app/api/synthetic/review/next/route";
import { GET as progressRoute } from "@/app/api/synthetic/review/progress/route";
import { GET as itemRoute } from "@/app/api/synthetic/items/[id]/route";
import { DELETE as clearRoute, PUT as decideRoute } from "@/app/api/synthetic/items/[id]/review/route";
import { POST as editRoute } from "@/app/api/synthetic/items/[id]/edits/route";
import { GET as historyRoute } from "@/app/api/synthetic/items/[id]/history/route";
import { GET as versionRoute } from "@/app/api/synthetic/items/[id]/history/[version]/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";
import { hashContent } from "@/lib/corpus/hash-content";
import { db } from "@/lib/db/client";
import { composeContent } from "@/lib/synthetic/compose-content";
import { decideReviewItem } from "@/lib/synthetic/review/decide-review-item";
import { editSyntheticItem } from "@/lib/synthetic/review/edit-synthetic-item";
import { nextReviewItems } from "@/lib/synthetic/review/next-review-items";
import type { ReviewItem } from "@/lib/synthetic/review/types";
import { bearer, params } from "../browse/fixtures";
import { useTestDatabase } from "../helpers/db";
import { INLINE_ITEMS, seedSyntheticDataset } from "./fixtures-review";

/** Reviewing synthetic items: decisions by several reviewers, the queue, versioned edits with conflicts, history. */
useTestDatabase();
const BASE = "http://localhost:3000";
let users: { ann1: string; ann2: string; viewer: string };
let tokens: { ann1: string; ann2: string; viewer: string };
let ds: { datasetId: number; campaignId: number; ids: number[] };

const item = (id: number) => db().syntheticItem.findUniqueOrThrow({ where: { snippetId: id } });
const json = (method: string, token: string, url: string, body?: unknown) =>
  bearer(token, `${BASE}${url}`, { method, ...(body !== undefined && { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) });
const idOf = (id: number) => params({ id: String(id) });

beforeAll(async () => {
  const ann1 = await createUser({ email: "ann1@review.test", name: "Ann One", password: "password123", role: "annotator" });
  const ann2 = await createUser({ email: "ann2@review.test", name: "Ann Two", password: "password123", role: "annotator" });
  const viewer = await createUser({ email: "viewer@review.test", password: "password123", role: "viewer" });
  users = { ann1: ann1.id, ann2: ann2.id, viewer: viewer.id };
  tokens = { ann1: (await createApiToken(ann1.id, "t")).token, ann2: (await createApiToken(ann2.id, "t")).token, viewer: (await createApiToken(viewer.id, "t")).token };
  ds = await seedSyntheticDataset("review", INLINE_ITEMS);
});

describe("review queue and decisions", () => {
  it("serves items in a stable order, pending first, with highlighted parts and constraints", async () => {
    const first = await nextReviewItems({ datasetId: ds.datasetId, limit: 3 }, users.ann1);
    expect(first.items.map((i) => i.snippetId)).toEqual(ds.ids.slice(0, 3));
    expect(first.exhausted).toBe(false);
    expect(first.progress).toEqual({ total: 5, reviewed: 0, approved: 0, rejected: 0, mine: 0, remainingForMe: 5 });
    const ex = first.items[0];
    expect(ex).toMatchObject({ kind: "exercise", topic: "recursion", functionName: "factorial", version: 1, campaign: { id: ds.campaignId }, review: { status: "pending" }, mine: null, exec: { status: null, stale: false }, contaminated: false, nearDupOf: null });
    expect(ex.html.prompt).toMatch(/^<pre class="shiki/);
    expect(ex.html.solution).toMatch(/factorial/);
    expect(ex.html.tests).toMatch(/assert/);
    const tb = (await nextReviewItems({ datasetId: ds.datasetId, kind: "textbook" }, users.ann1)).items[0];
    expect(tb).toMatchObject({ kind: "textbook", title: "Lists", parts: { title: "Lists", text: INLINE_ITEMS[3].text } });
    expect(tb.blocks.map((b) => [b.index, b.lang])).toEqual([[0, "python"], [1, ""], [2, "python"]]);
    expect(tb.blocks[0].code).toBe("nums = [3, 1, 2]\nnums.sort()\nprint(nums)");
    // The client's buffer is left out.
    const rest = await nextReviewItems({ datasetId: ds.datasetId, exclude: ds.ids.slice(0, 3).join(","), limit: 5 }, users.ann1);
    expect(rest.items.map((i) => i.snippetId)).toEqual(ds.ids.slice(3));
    expect(rest.exhausted).toBe(true);
  });

  it("each reviewer has their own decision; the item shows the latest; changing your mind updates yours", async () => {
    const [a] = ds.ids;
    await decideReviewItem(a, users.ann1, { decision: "approved", version: 1 });
    expect(await item(a)).toMatchObject({ reviewStatus: "approved", reviewedById: users.ann1, reasonCode: null });
    await decideReviewItem(a, users.ann2, { decision: "rejected", reasonCode: "duplicate", note: " same as #2 " });
    expect(await item(a)).toMatchObject({ reviewStatus: "rejected", reasonCode: "duplicate", reviewNote: "same as #2", reviewedById: users.ann2 });
    await decideReviewItem(a, users.ann1, { decision: "rejected", reasonCode: "incorrect" });
    const reviews = await db().syntheticReview.findMany({ where: { snippetId: a }, orderBy: { userId: "asc" } });
    expect(reviews).toHaveLength(2);
    expect(Object.fromEntries(reviews.map((r) => [r.userId, [r.decision, r.reasonCode]]))).toEqual({ [users.ann1]: ["rejected", "incorrect"], [users.ann2]: ["rejected", "duplicate"] });
    expect(await item(a)).toMatchObject({ reviewStatus: "rejected", reasonCode: "incorrect", reviewedById: users.ann1 });
  });

  it("two reviewers deciding at once never lose a decision", async () => {
    const targets = ds.ids.slice(1, 3);
    await Promise.all(
      targets.flatMap((id) => [decideReviewItem(id, users.ann1, { decision: "approved" }), decideReviewItem(id, users.ann2, { decision: "rejected", reasonCode: "low-quality" })]),
    );
    for (const id of targets) {
      const rows = await db().syntheticReview.findMany({ where: { snippetId: id } });
      expect(rows.map((r) => `${r.userId === users.ann1 ? "ann1" : "ann2"}:${r.decision}`).sort()).toEqual(["ann1:approved", "ann2:rejected"]);
      expect(["approved", "rejected"]).toContain((await item(id)).reviewStatus);
    }
  });

  it("the queue skips what you decided and keeps what others decided after the pending items", async () => {
    // ann1 decided ids 0..2; ann2 decided 0..2 as well. A third reviewer sees pending items first.
    const ann3 = await createUser({ email: "ann3@review.test", password: "password123", role: "annotator" });
    const q = await nextReviewItems({ datasetId: ds.datasetId, limit: 10 }, ann3.id);
    expect(q.items.map((i) => i.snippetId)).toEqual([ds.ids[3], ds.ids[4], ds.ids[0], ds.ids[1], ds.ids[2]]);
    expect(q.progress).toMatchObject({ total: 5, reviewed: 3, mine: 0, remainingForMe: 5 });
    const mine = await nextReviewItems({ datasetId: ds.datasetId, limit: 10 }, users.ann1);
    expect(mine.items.map((i) => i.snippetId)).toEqual([ds.ids[3], ds.ids[4]]);
    expect(mine.progress).toMatchObject({ mine: 3, remainingForMe: 2 });
    const pendingOnly = await nextReviewItems({ datasetId: ds.datasetId, status: "pending", limit: 10 }, ann3.id);
    expect(pendingOnly.items.map((i) => i.snippetId)).toEqual([ds.ids[3], ds.ids[4]]);
    const rejectedOnly = await nextReviewItems({ datasetId: ds.datasetId, status: "rejected", kind: "exercise", campaignId: ds.campaignId, limit: 10 }, ann3.id);
    expect(rejectedOnly.items.every((i) => i.review.status === "rejected" && i.kind === "exercise")).toBe(true);
  });
});

describe("versioned edits", () => {
  it("an edit makes a new version: snippet content, hash, size and lines follow; tokenCount resets; the last run shows stale", async () => {
    const id = ds.ids[1];
    await db().snippet.update({ where: { id }, data: { tokenCount: 42 } });
    await db().syntheticItem.update({ where: { snippetId: id }, data: { execStatus: "passed", execVersion: 1, execAt: new Date(), execOutput: "" } });
    const solution = "    return s.upper() + '!!'[:1]\n";
    const res = await editSyntheticItem(id, users.ann2, { baseVersion: 1, parts: { solution } });
    expect(res).toEqual({ snippetId: id, version: 2 });
    const content = composeContent("exercise", { prompt: INLINE_ITEMS[1].prompt, solution });
    const snippet = await db().snippet.findUniqueOrThrow({ where: { id } });
    expect(snippet).toMatchObject({ content, contentHash: hashContent(content), sizeBytes: Buffer.byteLength(content), lineCount: content.split("\n").length - 1, tokenCount: null });
    expect(await item(id)).toMatchObject({ version: 2, solution, tests: INLINE_ITEMS[1].tests });
    const view = (await nextReviewItems({ datasetId: ds.datasetId, exclude: ds.ids.filter((x) => x !== id).join(","), status: "all" }, users.viewer)).items[0];
    expect(view.exec).toMatchObject({ status: "passed", version: 1, stale: true });
  });

  it("an edit of a stale version is refused with 409; so is a decision on a stale version", async () => {
    const id = ds.ids[1];
    const stale = await editRoute(json("POST", tokens.ann1, `/api/synthetic/items/${id}/edits`, { baseVersion: 1, parts: { solution: "    return 'x'\n" } }), idOf(id));
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error).toMatch(/edited by someone else \(you edited v1, it is now v2\)/);
    expect(body.details).toEqual({ currentVersion: 2 });
    expect((await item(id)).version).toBe(2);
    const decision = await decideRoute(json("PUT", tokens.ann1, `/api/synthetic/items/${id}/review`, { decision: "approved", version: 1 }), idOf(id));
    expect(decision.status).toBe(409);
    // Two editors racing from the same version: exactly one wins.
    const race = await Promise.allSettled([
      editSyntheticItem(id, users.ann1, { baseVersion: 2, parts: { tests: "assert shout('a') == 'A!'\n" } }),
      editSyntheticItem(id, users.ann2, { baseVersion: 2, parts: { tests: "assert shout('b') == 'B!'\n" } }),
    ]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(race.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.status)).toEqual([409]);
    expect((await item(id)).version).toBe(3);
  });

  it("an edit that would duplicate another snippet of the dataset is refused with 409", async () => {
    const [, , third] = ds.ids;
    const res = await editRoute(json("POST", tokens.ann1, `/api/synthetic/items/${third}/edits`, { baseVersion: 1, parts: { prompt: INLINE_ITEMS[0].prompt, solution: INLINE_ITEMS[0].solution } }), idOf(third));
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error).toMatch(new RegExp(`identical to snippet ${ds.ids[0]}`));
    expect(body.details).toEqual({ duplicateOf: ds.ids[0] });
    expect((await item(third)).version).toBe(1);
  });

  it("bad edits are clear 400s", async () => {
    const [first, , , tb] = ds.ids;
    const cases: [number, unknown, RegExp][] = [
      [first, { parts: { solution: "x" } }, /baseVersion/],
      [first, { baseVersion: 1, parts: { solution: "   " } }, /needs a non-empty solution/],
      [first, { baseVersion: 1, parts: {} }, /nothing changed/],
      [first, { baseVersion: 1, parts: { text: "hello" } }, /not a text/],
      [tb, { baseVersion: 1, parts: { prompt: "def f():" } }, /not prompt\/solution\/tests/],
      [first, { baseVersion: 1, parts: { code: "x" } }, /Unrecognized key/],
    ];
    for (const [id, body, error] of cases) {
      const res = await editRoute(json("POST", tokens.ann1, `/api/synthetic/items/${id}/edits`, body), idOf(id));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error).toMatch(error);
    }
    expect((await editRoute(json("POST", tokens.viewer, `/api/synthetic/items/${first}/edits`, { baseVersion: 1, parts: { solution: "    return 2\n" } }), idOf(first))).status).toBe(403);
    expect((await editRoute(json("POST", tokens.ann1, `/api/synthetic/items/424242/edits`, { baseVersion: 1, parts: { solution: "    return 2\n" } }), idOf(424242))).status).toBe(404);
  });

  it("history lists every version with its editor and time, and shows any version", async () => {
    const id = ds.ids[1];
    const res = await historyRoute(bearer(tokens.viewer, `${BASE}/api/synthetic/items/${id}/history`), idOf(id));
    const { versions } = await res.json();
    expect(versions.map((v: { version: number; current: boolean; editedBy: { name: string } | null }) => [v.version, v.current, v.editedBy?.name ?? null])).toEqual([
      [3, true, expect.stringMatching(/Ann (One|Two)/)],
      [2, false, "Ann Two"],
      [1, false, null],
    ]);
    const v1 = await (await versionRoute(bearer(tokens.viewer, `${BASE}/api/synthetic/items/${id}/history/1`), params({ id: String(id), version: "1" }))).json();
    expect(v1.version).toMatchObject({ version: 1, current: false, kind: "exercise", parts: { prompt: INLINE_ITEMS[1].prompt, solution: INLINE_ITEMS[1].solution, tests: INLINE_ITEMS[1].tests } });
    expect(v1.version.html.solution).toMatch(/upper/);
    const missing = await versionRoute(bearer(tokens.viewer, `${BASE}/api/synthetic/items/${id}/history/9`), params({ id: String(id), version: "9" }));
    expect(missing.status).toBe(404);
  });

  it("a textbook section is edited through its text and title; history keeps the old text", async () => {
    const tb = ds.ids[3];
    const text = INLINE_ITEMS[3].text!.replace("[3, 1, 2]", "[5, 4]");
    await editSyntheticItem(tb, users.ann1, { baseVersion: 1, parts: { title: "Sorting lists", text } });
    expect((await db().snippet.findUniqueOrThrow({ where: { id: tb } })).content).toBe(`# Sorting lists\n\n${text}`);
    const view = (await nextReviewItems({ datasetId: ds.datasetId, kind: "textbook" }, users.viewer)).items.find((i) => i.snippetId === tb)!;
    expect(view).toMatchObject({ title: "Sorting lists", version: 2, parts: { title: "Sorting lists", text } });
    const v1 = await (await versionRoute(bearer(tokens.viewer, `${BASE}/api/synthetic/items/${tb}/history/1`), params({ id: String(tb), version: "1" }))).json();
    expect(v1.version.parts).toEqual({ title: "Lists", text: INLINE_ITEMS[3].text });
  });
});

describe("review routes", () => {
  it("GET item, datasets, next and progress; PUT and DELETE a decision; roles and bad input", async () => {
    const id = ds.ids[4];
    const got = await itemRoute(bearer(tokens.viewer, `${BASE}/api/synthetic/items/${id}`), idOf(id));
    const { item: view } = (await got.json()) as { item: ReviewItem };
    expect(view).toMatchObject({ snippetId: id, datasetName: "review", kind: "textbook" });
    expect((await itemRoute(bearer(tokens.viewer, `${BASE}/api/synthetic/items/abc`), params({ id: "abc" }))).status).toBe(400);

    const datasets = await (await datasetsRoute(bearer(tokens.viewer, `${BASE}/api/synthetic/review`), params({}))).json();
    expect(datasets.datasets).toEqual([expect.objectContaining({ id: ds.datasetId, name: "review", items: 5, campaigns: [{ id: ds.campaignId, name: "review import" }] })]);

    expect((await decideRoute(json("PUT", tokens.viewer, `/api/synthetic/items/${id}/review`, { decision: "approved" }), idOf(id))).status).toBe(403);
    const noReason = await decideRoute(json("PUT", tokens.ann2, `/api/synthetic/items/${id}/review`, { decision: "rejected" }), idOf(id));
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error).toMatch(/a rejection needs a reasonCode/);
    const badReason = await decideRoute(json("PUT", tokens.ann2, `/api/synthetic/items/${id}/review`, { decision: "rejected", reasonCode: "boring" }), idOf(id));
    expect((await badReason.json()).error).toMatch(/reasonCode must be one of incorrect, off-topic, low-quality, duplicate, unsafe, other/);

    const decided = await decideRoute(json("PUT", tokens.ann2, `/api/synthetic/items/${id}/review`, { decision: "rejected", reasonCode: "off-topic", note: "about sets", timeSpentMs: 1200 }), idOf(id));
    expect(decided.status).toBe(200);
    const after = (await decided.json()).item as ReviewItem;
    expect(after.review).toMatchObject({ status: "rejected", reasonCode: "off-topic", note: "about sets", by: { name: "Ann Two" } });
    expect(after.mine).toMatchObject({ decision: "rejected", reasonCode: "off-topic", version: 1, user: { id: users.ann2 } });

    const next = await (await nextRoute(bearer(tokens.ann2, `${BASE}/api/synthetic/review/next?datasetId=${ds.datasetId}&limit=10`), params({}))).json();
    expect(next.items.map((i: ReviewItem) => i.snippetId)).not.toContain(id);
    const progress = await (await progressRoute(bearer(tokens.ann2, `${BASE}/api/synthetic/review/progress?datasetId=${ds.datasetId}&kind=textbook`), params({}))).json();
    expect(progress).toMatchObject({ total: 2, mine: 1 });
    const badQuery = await nextRoute(bearer(tokens.ann2, `${BASE}/api/synthetic/review/next?datasetId=${ds.datasetId}&status=done`), params({}));
    expect((await badQuery.json()).error).toMatch(/status must be pending, approved, rejected or all/);
    expect((await nextRoute(bearer(tokens.ann2, `${BASE}/api/synthetic/review/next?datasetId=999999`), params({}))).status).toBe(404);

    const cleared = await clearRoute(json("DELETE", tokens.ann2, `/api/synthetic/items/${id}/review`), idOf(id));
    const clearedBody = await cleared.json();
    expect(clearedBody).toMatchObject({ deleted: true, item: { review: { status: "pending", by: null }, mine: null } });
  });
});
