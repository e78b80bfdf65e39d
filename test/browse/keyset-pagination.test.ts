import { beforeAll, describe, expect, it } from "vitest";
import { SNIPPET_SORTS, searchSnippets, type SearchTuning, type TSearchSnippets } from "@/lib/snippets/search-snippets";
import { useTestDatabase } from "../helpers/db";
import { compareFor, seedBrowseFixture, type Fixture, type FixtureSnippet } from "./fixtures";

useTestDatabase();
let fx: Fixture;
beforeAll(async () => {
  fx = await seedBrowseFixture();
});

type Walk = { forward: number[]; backward: number[]; pages: number };

/** Pages forward to the end, then backward from the last page's prevCursor to the start. */
async function walk(q: TSearchSnippets, limit: number, tuning?: SearchTuning): Promise<Walk> {
  const forward: number[] = [];
  let cursor: string | undefined;
  let lastPrev: string | null = null;
  let pages = 0;
  let lastPageIds: number[] = [];
  for (;;) {
    const page = await searchSnippets({ ...q, limit, cursor }, tuning);
    pages++;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    forward.push(...page.items.map((i) => i.id));
    if (page.items.length) {
      lastPageIds = page.items.map((i) => i.id);
      lastPrev = page.prevCursor;
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
    if (pages > 400) throw new Error("runaway pagination");
  }
  // Backward: the pages before the last non-empty page, then that page itself.
  const backward: number[] = [...lastPageIds].reverse();
  let prev = lastPrev;
  while (prev) {
    const page = await searchSnippets({ ...q, limit, cursor: prev }, tuning);
    backward.push(...page.items.map((i) => i.id).reverse());
    prev = page.prevCursor;
    if (++pages > 800) throw new Error("runaway pagination");
  }
  return { forward, backward, pages };
}

function expected(pred: (s: FixtureSnippet) => boolean, sort: string): number[] {
  return fx.snippets.filter(pred).sort(compareFor(sort)).map((s) => s.id);
}

describe("keyset pagination", () => {
  for (const sort of SNIPPET_SORTS) {
    it(`visits every row exactly once in both directions, sort=${sort}`, async () => {
      const want = expected(() => true, sort);
      const w = await walk({ sort }, 23);
      expect(w.forward).toEqual(want);
      expect(w.backward).toEqual([...want].reverse());
    });

    it(`does so with filters, sort=${sort}`, async () => {
      const A = fx.datasets.a;
      const w = await walk({ sort, dataset: A }, 17);
      expect(w.forward).toEqual(expected((s) => s.datasetId === A, sort));
      expect(w.backward).toEqual(expected((s) => s.datasetId === A, sort).reverse());
      const python = await walk({ sort, dataset: A, language: "python" }, 11);
      expect(python.forward).toEqual(expected((s) => s.datasetId === A && s.language === "python", sort));
      expect(python.backward).toEqual(expected((s) => s.datasetId === A && s.language === "python", sort).reverse());
      const reviewed = await walk({ sort, reviewed: "reviewed", minScore: "1" }, 7);
      const wantReviewed = expected((s) => s.reviewCount > 0 && s.llmScore !== null && s.llmScore >= 1, sort);
      expect(reviewed.forward).toEqual(wantReviewed);
      expect(reviewed.backward).toEqual([...wantReviewed].reverse());
      const unlabeled = await walk({ sort, llmScore: "unlabeled" }, 9);
      expect(unlabeled.forward).toEqual(expected((s) => s.llmScore === null, sort));
    });

    it(`search with a tiny window still visits every match once, sort=${sort}`, async () => {
      const want = expected((s) => /needleincode/i.test(s.content) || /needleincode/i.test(s.source ?? ""), sort);
      // window 7 rows and no time budget: every page stops after one window
      const w = await walk({ sort, q: "needleincode" }, 5, { searchWindow: 7, searchBudgetMs: 0 });
      expect(w.forward).toEqual(want);
      expect(w.backward).toEqual([...want].reverse());
      expect(w.pages).toBeGreaterThan(300 / 7);
    });
  }

  it("marks a search page cut short by the scan bound", async () => {
    const page = await searchSnippets({ q: "no-such-text", limit: 10 }, { searchWindow: 50, searchBudgetMs: 0 });
    expect(page.items).toEqual([]);
    expect(page.scanned).toBe(50);
    expect(page.nextCursor).not.toBeNull();
    const whole = await searchSnippets({ q: "no-such-text", limit: 10 });
    expect(whole.scanned).toBeNull();
    expect(whole.nextCursor).toBeNull();
  });

  it("next then previous returns the same page", async () => {
    const p1 = await searchSnippets({ sort: "-llmScore", limit: 30 });
    const p2 = await searchSnippets({ sort: "-llmScore", limit: 30, cursor: p1.nextCursor! });
    const back = await searchSnippets({ sort: "-llmScore", limit: 30, cursor: p2.prevCursor! });
    expect(back.items.map((i) => i.id)).toEqual(p1.items.map((i) => i.id));
    expect(back.prevCursor).toBeNull();
    expect(p1.prevCursor).toBeNull();
  });
});
