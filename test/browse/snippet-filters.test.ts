import { beforeAll, describe, expect, it } from "vitest";
import { countSnippets } from "@/lib/snippets/count-snippets";
import { searchSnippets, type TSearchSnippets } from "@/lib/snippets/search-snippets";
import { listReviewers } from "@/lib/snippets/list-reviewers";
import { useTestDatabase } from "../helpers/db";
import { seedBrowseFixture, type Fixture, type FixtureSnippet } from "./fixtures";

useTestDatabase();
let fx: Fixture;
beforeAll(async () => {
  fx = await seedBrowseFixture();
});

/** Every id matching, walking all pages. */
async function allIds(q: TSearchSnippets): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await searchSnippets({ ...q, limit: 40, cursor });
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error("too many pages");
}

const expectIds = (pred: (s: FixtureSnippet) => boolean) => fx.snippets.filter(pred).map((s) => s.id);
const labeledBy = (s: FixtureSnippet, user?: string, score?: number) =>
  s.labels.some((l) => l.status === "labeled" && (user === undefined || l.userId === user) && (score === undefined || l.score === score));

describe("snippet filters", () => {
  it("filters one at a time", async () => {
    const A = fx.datasets.a;
    expect(await allIds({ dataset: A })).toEqual(expectIds((s) => s.datasetId === A));
    expect(await allIds({ language: "python" })).toEqual(expectIds((s) => s.language === "python"));
    expect(await allIds({ llmScore: "3" })).toEqual(expectIds((s) => s.llmScore === 3));
    expect(await allIds({ llmScore: "unlabeled" })).toEqual(expectIds((s) => s.llmScore === null));
    expect(await allIds({ minScore: "2", maxScore: "4" })).toEqual(expectIds((s) => s.llmScore !== null && s.llmScore >= 2 && s.llmScore <= 4));
    expect(await allIds({ minScore: "4" })).toEqual(expectIds((s) => s.llmScore !== null && s.llmScore >= 4));
    expect(await allIds({ reviewed: "reviewed" })).toEqual(expectIds((s) => s.reviewCount > 0));
    expect(await allIds({ reviewed: "unreviewed" })).toEqual(expectIds((s) => s.reviewCount === 0));
    expect(await allIds({ reviewed: "any" })).toHaveLength(300);
    expect(await allIds({ reviewer: fx.users.ann2 })).toEqual(expectIds((s) => labeledBy(s, fx.users.ann2)));
    expect(await allIds({ humanScore: "2" })).toEqual(expectIds((s) => labeledBy(s, undefined, 2)));
  });

  it("combines filters with AND", async () => {
    const A = fx.datasets.a;
    expect(await allIds({ dataset: A, language: "python", minScore: "1" })).toEqual(
      expectIds((s) => s.datasetId === A && s.language === "python" && s.llmScore !== null && s.llmScore >= 1),
    );
    expect(await allIds({ dataset: A, reviewed: "reviewed", llmScore: "unlabeled" })).toEqual(
      expectIds((s) => s.datasetId === A && s.reviewCount > 0 && s.llmScore === null),
    );
    // reviewer + humanScore refer to the same label
    const both = expectIds((s) => labeledBy(s, fx.users.ann1, 0));
    expect(both.length).toBeGreaterThan(0);
    expect(await allIds({ reviewer: fx.users.ann1, humanScore: "0" })).toEqual(both);
    expect(await allIds({ dataset: fx.datasets.b, reviewer: fx.users.ann1, language: "go" })).toEqual(
      expectIds((s) => s.datasetId === fx.datasets.b && labeledBy(s, fx.users.ann1) && s.language === "go"),
    );
  });

  it("finds substrings in content, path and source, case-insensitively, with wildcards taken literally", async () => {
    const needle = expectIds((s) => /needleincode/i.test(s.content) || /needleincode/i.test(s.source ?? ""));
    expect(needle.length).toBeGreaterThan(10);
    expect(await allIds({ q: "needleincode" })).toEqual(needle);
    expect(await allIds({ q: "NEEDLEINCODE" })).toEqual(needle);
    expect(await allIds({ q: "file_12" })).toEqual(expectIds((s) => (s.path ?? "").includes("file_12")));
    expect(await allIds({ q: "100%_done" })).toEqual(expectIds((s) => s.content.includes("100%_done")));
    expect(await allIds({ q: "100_" })).toEqual([]); // "_" is not a wildcard
    expect(await allIds({ q: "needleincode", language: "python", dataset: fx.datasets.a })).toEqual(
      expectIds((s) => s.datasetId === fx.datasets.a && s.language === "python" && (/needleincode/i.test(s.content) || /needleincode/i.test(s.source ?? ""))),
    );
  });

  it("reports the total when it is free, and counts with a cap otherwise", async () => {
    const page = await searchSnippets({ dataset: fx.datasets.a, limit: 10 });
    expect(page.total).toBe(240); // Dataset.snippetCount
    const three = fx.snippets.filter((s) => s.llmScore === 3).length;
    expect((await searchSnippets({ llmScore: "3", limit: 200 })).total).toBe(three); // whole first page
    expect((await searchSnippets({ llmScore: "3", limit: 10 })).total).toBeNull(); // needs a count
    expect(await countSnippets({ llmScore: "3" })).toEqual({ total: three, capped: false });
    const combined = fx.snippets.filter((s) => s.datasetId === fx.datasets.a && s.language === "python" && s.reviewCount > 0).length;
    expect(await countSnippets({ dataset: String(fx.datasets.a), language: "python", reviewed: "reviewed" })).toEqual({ total: combined, capped: false });
    expect(await countSnippets({ dataset: fx.datasets.b })).toEqual({ total: 60, capped: false });
    expect(await countSnippets({ q: "needle" })).toEqual({ total: null, capped: false });
    expect((await searchSnippets({ q: "needle", limit: 5 })).total).toBeNull();
  });

  it("caps the count: the single-filter cap, or the lower one for combined filters", async () => {
    const caps = { single: 20, combined: 5 };
    const scored = fx.snippets.filter((s) => s.llmScore !== null && s.llmScore >= 1).length;
    expect(scored).toBeGreaterThan(20);
    expect(await countSnippets({ minScore: "1" }, caps)).toEqual({ total: 20, capped: true });
    expect(await countSnippets({ minScore: "1", language: "python" }, caps)).toEqual({ total: 5, capped: true });
    const few = fx.snippets.filter((s) => s.llmScore === 5 && s.language === "go").length;
    expect(few).toBeLessThan(5);
    expect(await countSnippets({ llmScore: "5", language: "go" }, caps)).toEqual({ total: few, capped: false });
  });

  it("returns rows with preview, labels and metadata", async () => {
    const target = fx.snippets.find((s) => s.labels.filter((l) => l.status === "labeled").length === 2)!;
    const page = await searchSnippets({ dataset: target.datasetId, cursor: undefined, limit: 200 });
    const row = page.items.find((r) => r.id === target.id)!;
    expect(row.preview).toMatch(/^def fn_\d+\(x\):$/);
    expect(row.humanLabels.map((l) => l.userName).sort()).toEqual(["Ann One", "Ann Two"]);
    expect(row.reviewCount).toBe(2);
    expect(row.language).toBe(target.language);
    expect(row.llmScore).toBe(target.llmScore);
  });

  it("rejects bad parameters", async () => {
    await expect(searchSnippets({ minScore: "4", maxScore: "2" })).rejects.toThrow(/minScore/);
    await expect(searchSnippets({ llmScore: "9" })).rejects.toThrow();
    await expect(searchSnippets({ cursor: "garbage" })).rejects.toThrow(/cursor/);
    const page = await searchSnippets({ limit: 5 });
    await expect(searchSnippets({ sort: "-id", cursor: page.nextCursor! })).rejects.toThrow(/another sort/);
  });

  it("lists reviewers with their label counts", async () => {
    const all = await listReviewers({});
    const count = (u: string) => fx.snippets.filter((s) => labeledBy(s, u)).length;
    expect(all).toEqual(
      [
        { id: fx.users.ann1, name: "Ann One", email: "ann1@browse.test", count: count(fx.users.ann1) },
        { id: fx.users.ann2, name: "Ann Two", email: "ann2@browse.test", count: count(fx.users.ann2) },
      ].sort((x, y) => y.count - x.count),
    );
    const inB = await listReviewers({ dataset: String(fx.datasets.b) });
    expect(inB.find((r) => r.id === fx.users.ann1)?.count).toBe(fx.snippets.filter((s) => s.datasetId === fx.datasets.b && labeledBy(s, fx.users.ann1)).length);
  });
});
