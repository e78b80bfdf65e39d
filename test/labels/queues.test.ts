import { beforeAll, describe, expect, it } from "vitest";
import { testDialect, useTestDatabase } from "../helpers/db";
import { deleteHumanLabel } from "@/lib/labels/delete-human-label";
import { recordHumanLabel } from "@/lib/labels/record-human-label";
import { nextSnippets } from "@/lib/labels/next-snippets";
import { queueProgress } from "@/lib/labels/queue-progress";
import { makeDataset, makeUser } from "./fixtures";

useTestDatabase();

type U = Awaited<ReturnType<typeof makeUser>>;

/** Pulls the whole queue the way the client does: buffer, exclude what it holds, label, refill. */
async function drain(datasetId: number, user: U, queue: "random" | "stratified", labelAs?: (llm: number | null) => number) {
  const seen: number[] = [];
  for (let round = 0; round < 1000; round++) {
    const r = await nextSnippets(datasetId, user.id, { queue, limit: 5, exclude: [] });
    for (const s of r.snippets) {
      seen.push(s.id);
      await recordHumanLabel(user.id, { snippetId: s.id, score: labelAs ? labelAs(s.llmScore) : 3, queue });
    }
    if (r.snippets.length === 0) break;
  }
  return seen;
}

describe(`review queues (${testDialect})`, () => {
  let a: U, b: U, c: U;
  beforeAll(async () => {
    await makeUser("admin");
    [a, b, c] = [await makeUser(), await makeUser(), await makeUser()];
  });

  it("random: returns distinct snippets of the pool, honours exclude, and a labeled snippet leaves my queue", async () => {
    const { datasetId, ids } = await makeDataset(Array.from({ length: 30 }, (_, i) => i % 6));
    const first = await nextSnippets(datasetId, a.id, { queue: "random", limit: 5 });
    expect(first.snippets).toHaveLength(5);
    expect(new Set(first.snippets.map((s) => s.id)).size).toBe(5);
    expect(first.snippets.every((s) => ids.includes(s.id) && s.html.includes('class="line"'))).toBe(true);
    expect(first.progress).toMatchObject({ done: 0, remaining: 30, total: 30 });

    const exclude = first.snippets.map((s) => s.id);
    const second = await nextSnippets(datasetId, a.id, { queue: "random", limit: 10, exclude: exclude.join(",") });
    expect(second.snippets.some((s) => exclude.includes(s.id))).toBe(false);

    const target = first.snippets[0].id;
    await recordHumanLabel(a.id, { snippetId: target, score: 2 });
    const all = await nextSnippets(datasetId, a.id, { queue: "random", limit: 20 });
    const rest = await nextSnippets(datasetId, a.id, { queue: "random", limit: 20, exclude: all.snippets.map((s) => s.id) });
    const everything = [...all.snippets, ...rest.snippets].map((s) => s.id);
    expect(everything).toHaveLength(29);
    expect(everything).not.toContain(target);
    expect(rest.exhausted).toBe(true);
    expect(rest.progress).toMatchObject({ done: 1, remaining: 29, total: 30 });
  });

  it("random: draining the queue visits every snippet exactly once, then reports it empty", async () => {
    const { datasetId, ids } = await makeDataset(Array.from({ length: 37 }, () => 3));
    const seen = await drain(datasetId, a, "random");
    expect(seen.sort((x, y) => x - y)).toEqual(ids);
    const after = await nextSnippets(datasetId, a.id, { queue: "random" });
    expect(after.snippets).toEqual([]);
    expect(after.exhausted).toBe(true);
    expect(after.progress).toMatchObject({ done: 37, remaining: 0, total: 37 });
  });

  it("a skipped snippet leaves my queue but stays in others' and does not count as a review", async () => {
    const { datasetId, ids } = await makeDataset([1, 2, 3]);
    const saved = await recordHumanLabel(a.id, { snippetId: ids[0], status: "skipped" });
    expect(saved.reviewCount).toBe(0);
    const mine = await nextSnippets(datasetId, a.id, { queue: "random", limit: 5 });
    expect(mine.snippets.map((s) => s.id).sort()).toEqual([ids[1], ids[2]].sort());
    const theirs = await nextSnippets(datasetId, b.id, { queue: "random", limit: 5 });
    expect(theirs.snippets.map((s) => s.id)).toContain(ids[0]);
  });

  it("with labelsPerSnippet = 2 a snippet stays for a second annotator and leaves every queue after two labels", async () => {
    const { datasetId, ids } = await makeDataset([1, 4], { labelsPerSnippet: 2 });
    await recordHumanLabel(a.id, { snippetId: ids[0], score: 1, agreed: true });
    expect((await nextSnippets(datasetId, a.id, { limit: 5 })).snippets.map((s) => s.id)).toEqual([ids[1]]);
    const forB = await nextSnippets(datasetId, b.id, { limit: 5 });
    expect(forB.snippets.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(forB.snippets.find((s) => s.id === ids[0])).toMatchObject({ reviewCount: 1, labelsPerSnippet: 2, others: { labeled: 1, labels: null } });

    const r = await recordHumanLabel(b.id, { snippetId: ids[0], score: 2 });
    expect(r.reviewCount).toBe(2);
    for (const u of [a, b, c]) {
      for (const queue of ["random", "stratified"] as const) {
        const got = await nextSnippets(datasetId, u.id, { queue, limit: 5 });
        expect(got.snippets.map((s) => s.id)).not.toContain(ids[0]);
      }
    }
    const pc = await queueProgress({ datasetId, userId: c.id, queue: "random" });
    expect(pc).toMatchObject({ done: 0, remaining: 1, total: 1, dataset: { snippets: 2, complete: 1 } });
  });

  it("stratified: balances picks across LLM scores even when one score dominates, across refills", async () => {
    // 120 snippets scored 1, 5 of each other score, 5 without a score.
    const scores: (number | null)[] = [...Array(120).fill(1), ...[0, 2, 3, 4, 5].flatMap((s) => Array(5).fill(s)), ...Array(5).fill(null)];
    const { datasetId } = await makeDataset(scores);
    const held: number[] = [];
    const got: (number | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await nextSnippets(datasetId, a.id, { queue: "stratified", limit: 7, exclude: held });
      held.push(...r.snippets.map((s) => s.id));
      got.push(...r.snippets.map((s) => s.llmScore));
    }
    const counts = new Map<number | null, number>();
    for (const s of got) counts.set(s, (counts.get(s) ?? 0) + 1);
    // 21 picks over 7 strata: exactly 3 each.
    for (const s of [0, 1, 2, 3, 4, 5, null]) expect(counts.get(s)).toBe(3);

    // Labels count toward the balance too, so it survives a reload: label 3 of the score-1 snippets, then
    // the next picks avoid score 1 until the others catch up.
    const { datasetId: d2 } = await makeDataset(scores);
    const r1 = await nextSnippets(d2, b.id, { queue: "stratified", limit: 14 });
    for (const s of r1.snippets) await recordHumanLabel(b.id, { snippetId: s.id, score: 2 });
    const ones = await nextSnippets(d2, b.id, { queue: "random", limit: 20 });
    const extra = ones.snippets.filter((s) => s.llmScore === 1).slice(0, 3);
    for (const s of extra) await recordHumanLabel(b.id, { snippetId: s.id, score: 2 });
    const r2 = await nextSnippets(d2, b.id, { queue: "stratified", limit: 6 });
    expect(r2.snippets.map((s) => s.llmScore)).not.toContain(1);
  });

  it("stratified: drains the pool completely when strata run dry", async () => {
    const { datasetId, ids } = await makeDataset([0, 0, 0, 0, 5, null, 3]);
    const seen = await drain(datasetId, c, "stratified");
    expect(seen.sort((x, y) => x - y)).toEqual(ids);
    // Strata remembered as dry never hide a snippet that comes back (an undo) from the queue.
    await deleteHumanLabel(c.id, { snippetId: ids[4] });
    expect((await nextSnippets(datasetId, c.id, { queue: "stratified" })).snippets.map((s) => s.id)).toEqual([ids[4]]);
  });

  it("disagreements: snippets where someone else's score differs from the LLM, largest gap first, with both scores", async () => {
    const { datasetId, ids } = await makeDataset([3, 3, 3, 3, 0], { labelsPerSnippet: 1 });
    await recordHumanLabel(a.id, { snippetId: ids[0], score: 3, agreed: true }); // agrees: not a disagreement
    await recordHumanLabel(a.id, { snippetId: ids[1], score: 4 }); // gap 1
    await recordHumanLabel(a.id, { snippetId: ids[2], score: 0, note: "boilerplate" }); // gap 3
    await recordHumanLabel(a.id, { snippetId: ids[3], status: "skipped" }); // skips never disagree

    const forB = await nextSnippets(datasetId, b.id, { queue: "disagreements", limit: 10 });
    expect(forB.snippets.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    expect(forB.snippets[0]).toMatchObject({ llmScore: 3, others: { labeled: 1, labels: [{ score: 0, status: "labeled", note: "boilerplate" }] } });
    expect(forB.progress).toMatchObject({ queue: "disagreements", done: 0, total: 2, remaining: 2 });

    // Not for the annotator who disagreed, and it leaves B's queue once B labeled it.
    expect((await nextSnippets(datasetId, a.id, { queue: "disagreements" })).snippets).toEqual([]);
    await recordHumanLabel(b.id, { snippetId: ids[2], score: 1 });
    const again = await nextSnippets(datasetId, b.id, { queue: "disagreements", limit: 10 });
    expect(again.snippets.map((s) => s.id)).toEqual([ids[1]]);
    expect(again.progress).toMatchObject({ done: 1, total: 2, remaining: 1 });
    // B's own disagreement (1 vs 3) now shows up for C, after A's larger one on the same snippet.
    const forC = await nextSnippets(datasetId, c.id, { queue: "disagreements", limit: 10 });
    expect(forC.snippets.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    expect(forC.snippets[0].others.labels?.map((l) => l.score).sort()).toEqual([0, 1]);
  });

  it("mine: my labels and skips, most recent first, paged by cursor; a revised label does not come round again", async () => {
    const { datasetId, ids } = await makeDataset([1, 2, 3, 4, 5]);
    for (const id of ids) {
      await recordHumanLabel(b.id, { snippetId: id, score: 2 });
      await new Promise((r) => setTimeout(r, 3)); // distinct updatedAt
    }
    const page1 = await nextSnippets(datasetId, b.id, { queue: "mine", limit: 2 });
    expect(page1.snippets.map((s) => s.id)).toEqual([ids[4], ids[3]]);
    expect(page1.snippets[0].myLabel).toMatchObject({ score: 2, status: "labeled" });
    await recordHumanLabel(b.id, { snippetId: ids[4], score: 5, queue: "mine" }); // revise: now the most recent
    const page2 = await nextSnippets(datasetId, b.id, { queue: "mine", limit: 2, cursor: page1.cursor });
    expect(page2.snippets.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    const page3 = await nextSnippets(datasetId, b.id, { queue: "mine", limit: 2, cursor: page2.cursor });
    expect(page3.snippets.map((s) => s.id)).toEqual([ids[0]]);
    expect(page3.exhausted).toBe(true);
    expect((await nextSnippets(datasetId, a.id, { queue: "mine" })).snippets).toEqual([]);
  });

  it("rejects an unknown dataset with 404", async () => {
    await expect(nextSnippets(999_999, a.id, {})).rejects.toMatchObject({ status: 404 });
  });
});
