import { beforeAll, describe, expect, it } from "vitest";
import { testDialect, useTestDatabase } from "../helpers/db";
import { PUT } from "@/app/api/labels/route";
import { DELETE } from "@/app/api/labels/[snippetId]/route";
import { db } from "@/lib/db/client";
import { makeDataset, makeUser, ORIGIN, params, reviewCounts, trueCounts } from "./fixtures";

useTestDatabase();

type U = Awaited<ReturnType<typeof makeUser>>;

const put = (u: U, body: unknown) =>
  PUT(new Request(`${ORIGIN}/api/labels`, { method: "PUT", headers: { ...u.auth, "content-type": "application/json" }, body: JSON.stringify(body) }), params());

describe(`reviewCount under concurrency (${testDialect})`, () => {
  let a: U, b: U;
  beforeAll(async () => {
    await makeUser("admin");
    [a, b] = [await makeUser(), await makeUser()];
  });

  it("two annotators × 200 labels in parallel through the API: all 400 stored, every reviewCount exact", async () => {
    // 300 snippets: A labels 0–199, B labels 100–299, so 100 snippets are labeled by both at the same time.
    const { ids } = await makeDataset(Array.from({ length: 300 }, (_, i) => i % 6), { labelsPerSnippet: 2 });
    const forA = ids.slice(0, 200);
    const forB = ids.slice(100, 300);
    // Interleave the two streams so overlapping snippets are in flight together.
    const requests: Promise<Response>[] = [];
    for (let i = 0; i < 200; i++) {
      requests.push(put(a, { snippetId: forA[i], score: i % 6, timeSpentMs: 1000 + i, queue: "random" }));
      requests.push(put(b, { snippetId: forB[i], score: (i + 1) % 6, agreed: false, timeSpentMs: 2000 + i, queue: "random" }));
    }
    const responses = await Promise.all(requests);
    const failed = responses.filter((r) => r.status !== 200);
    expect(failed.map((r) => r.status)).toEqual([]);

    expect(await db().humanLabel.count({ where: { snippetId: { in: ids } } })).toBe(400);
    const stored = await reviewCounts(ids);
    const truth = await trueCounts(ids);
    expect(stored).toEqual(truth);
    expect(ids.filter((id) => stored.get(id) === 2)).toHaveLength(100);
    expect(ids.filter((id) => stored.get(id) === 1)).toHaveLength(200);
  });

  it("many annotators on one snippet at once, mixed with re-labels, skips and undos: reviewCount stays exact", async () => {
    const { ids } = await makeDataset([3, 3, 3], { labelsPerSnippet: 3 });
    const users = await Promise.all(Array.from({ length: 12 }, () => makeUser()));
    const ops: Promise<Response>[] = [];
    for (const [k, u] of users.entries()) {
      for (const id of ids) {
        ops.push(put(u, { snippetId: id, score: k % 6 }));
        if (k % 3 === 0) ops.push(put(u, { snippetId: id, status: "skipped" }));
        if (k % 4 === 1) ops.push(DELETE(new Request(`${ORIGIN}/api/labels/${id}`, { method: "DELETE", headers: u.auth }), params({ snippetId: String(id) })));
      }
    }
    const responses = await Promise.all(ops);
    expect(responses.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([]);
    expect(await reviewCounts(ids)).toEqual(await trueCounts(ids));
  });
});
