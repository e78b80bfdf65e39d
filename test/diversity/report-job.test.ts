import { afterEach, describe, expect, it } from "vitest";
import { plainContext } from "@/lib/context";
import { hashContent } from "@/lib/corpus/hash-content";
import { db } from "@/lib/db/client";
import { cancelDiversityReport } from "@/lib/diversity/cancel-diversity-report";
import { createDiversityReport } from "@/lib/diversity/create-diversity-report";
import { getCluster } from "@/lib/diversity/get-cluster";
import { getDiversityReport } from "@/lib/diversity/get-diversity-report";
import { listDiversityReports } from "@/lib/diversity/list-diversity-reports";
import { runDiversityReport } from "@/lib/diversity/run-diversity-report";
import { HttpError } from "@/lib/http/errors";
import { jobRegistry } from "@/workers/registry";
import { startWorker, type WorkerHandle } from "@/workers/run-worker";
import { useTestDatabase } from "../helpers/db";
import { waitFor } from "../jobs/helpers";
import { proseSection, seedSynthetic, SMALL_DECLARED, smallSyntheticItems } from "./fixtures";

useTestDatabase();
let worker: WorkerHandle | undefined;
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

async function nearDupMarks(datasetId: number) {
  const rows = await db().snippet.findMany({ where: { datasetId, nearDupOf: { not: null } }, select: { id: true, nearDupOf: true }, orderBy: { id: "asc" } });
  return rows.map((r) => [r.id, r.nearDupOf]);
}

describe("diversity.report", () => {
  it("runs through the queue: metrics, the planted cluster, the coverage grid with its empty cell, nearDupOf marks", async () => {
    const seeded = await seedSynthetic("small-synthetic", smallSyntheticItems(), { name: "small", ...SMALL_DECLARED });
    const { report, jobId } = await createDiversityReport({ datasetId: seeded.datasetId, campaignId: seeded.campaignId }, null, jobRegistry);
    expect(report).toMatchObject({ status: "queued", campaignName: "small", metrics: null });
    expect(report.params.minhash).toMatchObject({ permutations: 128, shingle: 5, threshold: 0.8, bands: 18, rows: 7 });

    worker = startWorker({ registry: jobRegistry, pollMs: 20, housekeepingMs: 0, log: () => {} });
    const job = await waitFor(async () => {
      const j = await db().job.findUniqueOrThrow({ where: { id: jobId } });
      return j.status === "succeeded" || j.status === "failed" ? j : null;
    }, 60_000, "diversity job settled");
    expect(job).toMatchObject({ status: "succeeded", error: null });

    const done = await getDiversityReport(report.id);
    expect(done.status).toBe("succeeded");
    const m = done.metrics!;
    expect(m.items).toBe(14);
    expect(m.sample.items).toBe(14);
    expect(m.nearDup).toMatchObject({ clusters: 1, duplicates: 1, largest: 2, items: 14, emptyItems: 0 });
    expect(m.nearDup.rate).toBeCloseTo(1 / 14, 12);
    expect(m.distinct.map((d) => d.n)).toEqual([1, 2, 3]);
    expect(m.distinct[0].ratio!).toBeLessThan(m.distinct[2].ratio!);
    expect(m.vectors.kind).toBe("tfidf");
    expect(m.vectors.vendi!).toBeGreaterThan(1);
    expect(m.vectors.vendi!).toBeLessThan(14);
    // Exercises declare their names (count_vowels twice among 4); sections define one each (the copy repeats its original's).
    expect(m.functionNames).toMatchObject({ distinct: 3 + 9, total: 14, source: "mixed" });
    expect(m.functionNames.top.find((t) => t.text === "count_vowels")).toMatchObject({ count: 2, docs: 2 });
    const tb = m.coverage!.textbook!;
    expect(m.coverage!.source).toBe("campaign");
    expect(tb).toMatchObject({ topics: SMALL_DECLARED.topics, audiences: SMALL_DECLARED.audiences, cells: 8, cellsHit: 7, emptyCells: [["recursion", "engineers"]], items: 10, outside: 0 });
    expect(tb.counts[0][0]).toBe(3);
    expect(m.coverage!.exercise).toMatchObject({ items: 4, cells: 4, cellsHit: 2, emptyTopics: ["loops", "files"], declaredNames: { total: 4, used: 3, unused: ["is_prime"] } });

    // The copy (index 9) points at the original (index 0, the lower id).
    const [original, copy] = [seeded.snippetIds[0], seeded.snippetIds[9]];
    expect(await nearDupMarks(seeded.datasetId)).toEqual([[copy, original]]);
    const cluster = await getCluster({ reportId: report.id, index: 0 });
    expect(cluster.cluster.snippetIds).toEqual([original, copy]);
    expect(cluster.cluster.similarity.min).toBeGreaterThanOrEqual(0.8);
    expect(cluster.members[1].changed.length).toBeGreaterThan(0);
    expect(cluster.members[1].lines.length).toBeGreaterThan(3);
    expect(cluster.members[0].changed).toEqual([]);
    await expect(getCluster({ reportId: report.id, index: 1 })).rejects.toThrow(/out of range/);

    const list = await listDiversityReports({ datasetId: seeded.datasetId });
    expect(list[0]).toMatchObject({ id: report.id, status: "succeeded", summary: { nearDupRate: 1 / 14, vectors: "tfidf" } });
  });

  it("is idempotent, and a later report clears marks that no longer hold", async () => {
    const seeded = await seedSynthetic("rerun", smallSyntheticItems());
    const first = await createDiversityReport({ datasetId: seeded.datasetId }, null, jobRegistry);
    await runDiversityReport(first.report.id, plainContext());
    const marks = await nearDupMarks(seeded.datasetId);
    expect(marks).toHaveLength(1);
    // Running the same report again (a retried job) changes nothing; a succeeded report is left alone.
    await db().diversityReport.update({ where: { id: first.report.id }, data: { status: "running" } });
    expect((await runDiversityReport(first.report.id, plainContext())).status).toBe("succeeded");
    expect(await nearDupMarks(seeded.datasetId)).toEqual(marks);
    // Observed grid without a campaign: 4 topics seen on textbooks × 2 audiences.
    const m1 = (await getDiversityReport(first.report.id)).metrics!;
    expect(m1.coverage!.source).toBe("observed");
    expect(m1.coverage!.textbook!.cells).toBe(8);

    // A stricter threshold finds no pair: the old mark goes.
    const strict = await createDiversityReport({ datasetId: seeded.datasetId, threshold: 0.99 }, null, jobRegistry);
    await runDiversityReport(strict.report.id, plainContext());
    expect((await getDiversityReport(strict.report.id)).metrics!.nearDup.clusters).toBe(0);
    expect(await nearDupMarks(seeded.datasetId)).toEqual([]);
  });

  it("a campaign report marks only its campaign's snippets", async () => {
    const seeded = await seedSynthetic("two-scopes", smallSyntheticItems(), { name: "c1", ...SMALL_DECLARED });
    // A snippet outside the campaign that an earlier dataset-wide report marked keeps its mark.
    const outsider = await db().snippet.create({ data: { datasetId: seeded.datasetId, content: "x = 1\n", contentHash: hashContent("x = 1\n"), sizeBytes: 6, lineCount: 1, nearDupOf: seeded.snippetIds[1] } });
    await db().snippet.update({ where: { id: seeded.snippetIds[2] }, data: { nearDupOf: seeded.snippetIds[1] } });
    const r = await createDiversityReport({ datasetId: seeded.datasetId, campaignId: seeded.campaignId }, null, jobRegistry);
    await runDiversityReport(r.report.id, plainContext());
    expect(await nearDupMarks(seeded.datasetId)).toEqual([[seeded.snippetIds[9], seeded.snippetIds[0]], [outsider.id, seeded.snippetIds[1]]]);
  });

  it("code datasets: no grid, function names from defs; threads give the same result as inline", async () => {
    const dataset = await db().dataset.create({ data: { name: "code" } });
    let s = 5;
    const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const contents = Array.from({ length: 600 }, (_, i) => `def helper_${i % 450}(x):\n    # ${proseSection(r, 60).split("\n")[0]}\n    return x\n`);
    contents.push(contents[5] + "\n# trailing comment\n");
    await db().snippet.createMany({ data: contents.map((content) => ({ datasetId: dataset.id, content, contentHash: hashContent(content), sizeBytes: content.length, lineCount: 3 })) });
    const inline = await createDiversityReport({ datasetId: dataset.id, threads: 1, sampleSize: 300 }, null, jobRegistry);
    const threaded = await createDiversityReport({ datasetId: dataset.id, threads: 2, sampleSize: 300 }, null, jobRegistry);
    await runDiversityReport(inline.report.id, plainContext());
    await runDiversityReport(threaded.report.id, plainContext());
    const a = (await getDiversityReport(inline.report.id)).metrics!;
    const b = (await getDiversityReport(threaded.report.id)).metrics!;
    expect(a.coverage).toBeNull();
    expect(a.functionNames).toMatchObject({ source: "code", total: 601, distinct: 450 });
    expect(a.nearDup.threads).toBe(1);
    expect(b.nearDup.threads).toBe(2);
    expect({ ...b.nearDup, threads: 1, seconds: 0 }).toEqual({ ...a.nearDup, seconds: 0 });
    expect(a.nearDup.clusters).toBeGreaterThanOrEqual(1);
    expect(b.vectors.vendi).toBe(a.vectors.vendi);
    expect(a.sample.items).toBe(300);
    const ids = (await db().snippet.findMany({ where: { datasetId: dataset.id }, select: { id: true }, orderBy: { id: "asc" } })).map((x) => x.id);
    expect(await nearDupMarks(dataset.id)).toContainEqual([ids[600], ids[5]]);
  });

  it("rejects bad requests and cancels a queued report", async () => {
    const seeded = await seedSynthetic("bad-input", smallSyntheticItems().slice(0, 3));
    await expect(createDiversityReport({ datasetId: 999_999 }, null, jobRegistry)).rejects.toThrow(/no dataset/);
    await expect(createDiversityReport({ datasetId: seeded.datasetId, campaignId: 999_999 }, null, jobRegistry)).rejects.toThrow(/no generation campaign/);
    await expect(createDiversityReport({ datasetId: seeded.datasetId, bands: 10 }, null, jobRegistry)).rejects.toThrow(/both bands and rows/);
    await expect(createDiversityReport({ datasetId: seeded.datasetId, bands: 20, rows: 10 }, null, jobRegistry)).rejects.toThrow(/exceeds/);
    await expect(createDiversityReport({ datasetId: seeded.datasetId, threshold: 1.5 }, null, jobRegistry)).rejects.toThrow();
    const { report } = await createDiversityReport({ datasetId: seeded.datasetId }, null, jobRegistry);
    expect((await cancelDiversityReport(report.id)).status).toBe("cancelled");
    await expect(cancelDiversityReport(report.id)).rejects.toBeInstanceOf(HttpError);
    expect((await runDiversityReport(report.id, plainContext())).status).toBe("cancelled");
    // Embeddings asked for but not cached: the report fails at once with the reason.
    const emb = await createDiversityReport({ datasetId: seeded.datasetId, vectors: "embeddings", embeddingModel: "test-embed" }, null, jobRegistry);
    expect((await runDiversityReport(emb.report.id, plainContext())).status).toBe("failed");
    expect((await getDiversityReport(emb.report.id)).error).toMatch(/3 of 3 sampled items have no cached embedding of test-embed/);
  });

  it("an empty dataset gives a report without figures rather than an error", async () => {
    const empty = await db().dataset.create({ data: { name: "empty" } });
    const { report } = await createDiversityReport({ datasetId: empty.id }, null, jobRegistry);
    expect((await runDiversityReport(report.id, plainContext())).status).toBe("succeeded");
    const m = (await getDiversityReport(report.id)).metrics!;
    expect(m).toMatchObject({ items: 0, coverage: null, nearDup: { items: 0, clusters: 0, rate: null }, vectors: { n: 0, vendi: null, dispersion: null }, compression: { ratio: null } });
    expect(m.distinct.map((d) => d.ratio)).toEqual([null, null, null]);
  });

  it("uses cached embeddings when every sampled item has one", async () => {
    const seeded = await seedSynthetic("embedded", smallSyntheticItems().slice(0, 4));
    // Orthogonal unit vectors: the Vendi score is exactly the number of items.
    for (const [k, id] of seeded.snippetIds.entries()) {
      const v = new Float32Array(8);
      v[k] = 1;
      await db().snippetEmbedding.create({ data: { snippetId: id, model: "test-embed", dims: 8, vector: Buffer.from(v.buffer) } });
    }
    const { report } = await createDiversityReport({ datasetId: seeded.datasetId, embeddingModel: "test-embed" }, null, jobRegistry);
    await runDiversityReport(report.id, plainContext());
    const m = (await getDiversityReport(report.id)).metrics!;
    expect(m.vectors).toMatchObject({ kind: "embeddings", model: "test-embed", dimensions: 8, n: 4, dispersion: 1 });
    expect(m.vectors.vendi).toBeCloseTo(4, 9);
  });
});
