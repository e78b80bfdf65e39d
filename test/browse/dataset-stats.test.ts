import { beforeAll, describe, expect, it } from "vitest";
import { datasetStats, topLanguages } from "@/lib/datasets/dataset-stats";
import { getDataset } from "@/lib/datasets/get-dataset";
import { listDatasetLanguages } from "@/lib/datasets/list-dataset-languages";
import { listDatasets } from "@/lib/datasets/list-datasets";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "../helpers/db";
import { seedBrowseFixture, type Fixture } from "./fixtures";

useTestDatabase();
let fx: Fixture;
beforeAll(async () => {
  fx = await seedBrowseFixture();
});

function tally<T>(values: T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

describe("dataset statistics", () => {
  it("are exact", async () => {
    const A = fx.datasets.a;
    const mine = fx.snippets.filter((s) => s.datasetId === A);
    const d = await getDataset({ datasetId: A });
    expect(d).toMatchObject({ id: A, name: "alpha", kind: "code", description: "first", snippetCount: 240, labelsPerSnippet: 1, threshold: 3 });
    const reviewed = mine.filter((s) => s.reviewCount > 0).length;
    expect(d.stats.reviewed).toBe(reviewed);
    expect(d.stats.reviewedPct).toBe(Math.round((1000 * reviewed) / 240) / 10);
    expect(d.stats.llmLabeled).toBe(mine.filter((s) => s.llmScore !== null).length);
    const scores = tally(mine.map((s) => s.llmScore));
    expect(d.stats.llmScores).toEqual([0, 1, 2, 3, 4, 5, null].map((score) => ({ score, count: scores.get(score) ?? 0 })));
    const human = mine.flatMap((s) => s.labels.filter((l) => l.status === "labeled").map((l) => l.score));
    expect(d.stats.humanLabels).toBe(human.length);
    const hs = tally(human);
    expect(d.stats.humanScores).toEqual([0, 1, 2, 3, 4, 5].map((score) => ({ score, count: hs.get(score) ?? 0 })));
    // 11 languages: the top 8 and "other"
    const langs = [...tally(mine.map((s) => s.language))].map(([language, count]) => ({ language, count }));
    langs.sort((x, y) => y.count - x.count || x.language.localeCompare(y.language));
    expect(d.stats.languages).toHaveLength(9);
    expect(d.stats.languages.slice(0, 8)).toEqual(langs.slice(0, 8));
    expect(d.stats.languages[8]).toEqual({ language: "other", count: langs.slice(8).reduce((n, l) => n + l.count, 0) });
    expect(await listDatasetLanguages({ datasetId: A })).toEqual(langs);
  });

  it("lists every dataset", async () => {
    const all = await listDatasets();
    expect(all.map((d) => d.name)).toEqual(["alpha", "beta"]);
    expect(all[1].stats.llmLabeled).toBe(fx.snippets.filter((s) => s.datasetId === fx.datasets.b && s.llmScore !== null).length);
  });

  it("are recomputed when labels change, not served stale from the cache", async () => {
    const B = fx.datasets.b;
    const before = await datasetStats({ datasetId: B, snippetCount: 60 });
    const target = fx.snippets.find((s) => s.datasetId === B && s.reviewCount === 0)!;
    await db().humanLabel.create({ data: { snippetId: target.id, userId: fx.users.viewer, datasetId: B, status: "labeled", score: 5 } });
    await db().snippet.update({ where: { id: target.id }, data: { reviewCount: 1 } });
    const after = await datasetStats({ datasetId: B, snippetCount: 60 });
    expect(after.reviewed).toBe(before.reviewed + 1);
    expect(after.humanScores[5].count).toBe(before.humanScores[5].count + 1);
  });

  it("collapses the tail of languages into other", () => {
    const ls = Array.from({ length: 10 }, (_, i) => ({ language: `l${i}`, count: 10 - i }));
    expect(topLanguages(ls, 8).at(-1)).toEqual({ language: "other", count: 2 + 1 });
    expect(topLanguages(ls.slice(0, 8), 8)).toHaveLength(8);
  });

  it("404s for a missing dataset", async () => {
    await expect(getDataset({ datasetId: 999_999 })).rejects.toThrow(/no dataset/);
  });
});
