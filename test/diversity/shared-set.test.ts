import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { createDiversityReport } from "@/lib/diversity/create-diversity-report";
import { getDiversityReport } from "@/lib/diversity/get-diversity-report";
import { parseClusters } from "@/lib/diversity/to-report-view";
import { runDiversityReport } from "@/lib/diversity/run-diversity-report";
import { wordTokens } from "@/lib/diversity/word-tokens";
import { jobRegistry } from "@/workers/registry";
import { useTestDatabase } from "../helpers/db";
import { readSharedSynthetic, seedSynthetic, sharedSyntheticPresent } from "./fixtures";

useTestDatabase();

const PYTHON = "/usr/bin/python3";
const numpyPresent = fs.existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import numpy"]).status === 0;
if (!sharedSyntheticPresent) console.log("skipping the shared synthetic diversity test: ../shared/data/synthetic is absent");
else if (!numpyPresent) console.log("skipping the numpy comparison: /usr/bin/python3 with numpy is absent");

function shingles(text: string, n = 5): Set<string> {
  const t = wordTokens(text);
  if (t.length < n) return new Set([t.join(" ")]);
  return new Set(Array.from({ length: t.length - n + 1 }, (_, i) => t.slice(i, i + n).join(" ")));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

describe.skipIf(!sharedSyntheticPresent)("diversity on the shared synthetic set", () => {
  it("finds the planted near-duplicate pair of textbook sections and agrees with numpy", { timeout: 120_000 }, async () => {
    const items = readSharedSynthetic();
    const textbooks = items.filter((i) => i.kind === "textbook");
    const topics = [...new Set(textbooks.map((i) => i.topic!))];
    const audiences = [...new Set(textbooks.map((i) => i.audience!))];
    const seeded = await seedSynthetic("shared-synthetic", items, { name: "shared", topics, audiences, kind: "textbook" });
    const { report } = await createDiversityReport({ datasetId: seeded.datasetId, campaignId: seeded.campaignId }, null, jobRegistry);
    expect((await runDiversityReport(report.id, plainContext())).status).toBe("succeeded");
    const view = await getDiversityReport(report.id);
    const m = view.metrics!;
    expect(m.items).toBe(items.length);

    // Exactly one cluster of textbook sections, of size 2, whose true Jaccard (5-shingles) is high.
    const row = await db().diversityReport.findUniqueOrThrow({ where: { id: report.id } });
    const clusters = parseClusters(row.clusters);
    const kinds = new Map((await db().syntheticItem.findMany({ select: { snippetId: true, kind: true } })).map((s) => [s.snippetId, s.kind]));
    const textbookClusters = clusters.filter((c) => c.snippetIds.every((id) => kinds.get(id) === "textbook"));
    expect(textbookClusters).toHaveLength(1);
    expect(textbookClusters[0].size).toBe(2);
    const [a, b] = await Promise.all(textbookClusters[0].snippetIds.map((id) => db().snippet.findUniqueOrThrow({ where: { id } })));
    const truth = jaccard(shingles(a.content), shingles(b.content));
    console.log(`planted pair: snippets ${a.id} & ${b.id}, true Jaccard ${truth.toFixed(3)}, estimated ${textbookClusters[0].similarity.max}`);
    expect(truth).toBeGreaterThan(0.8);
    expect(Math.abs(textbookClusters[0].similarity.max - truth)).toBeLessThan(0.15);
    expect(b.nearDupOf).toBe(a.id);
    expect(m.coverage!.textbook).toMatchObject({ cells: topics.length * audiences.length, cellsHit: 30 });

    if (!numpyPresent) return;
    const snippets = await db().snippet.findMany({ where: { datasetId: seeded.datasetId }, orderBy: { id: "asc" }, select: { content: true } });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-diversity-py-"));
    const input = path.join(dir, "input.json");
    fs.writeFileSync(input, JSON.stringify({ texts: snippets.map((s) => s.content), grid: { topics, audiences, items: textbooks.map((i) => [i.topic, i.audience]) } }));
    const run = spawnSync(PYTHON, [path.join(import.meta.dirname, "py", "diversity_metrics.py"), input], { encoding: "utf8" });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.status, run.stderr).toBe(0);
    const py = JSON.parse(run.stdout) as { distinct: { n: number; distinct: number; total: number; ratio: number }[]; compression: number; vocabulary: number; vendi: number; dispersion: number; entropy: number };
    console.log(`ours vs numpy: distinct ${m.distinct.map((d) => d.ratio!.toFixed(4)).join("/")} vs ${py.distinct.map((d) => d.ratio.toFixed(4)).join("/")}; Vendi ${m.vectors.vendi!.toFixed(6)} vs ${py.vendi.toFixed(6)}; dispersion ${m.vectors.dispersion!.toFixed(6)} vs ${py.dispersion.toFixed(6)}; entropy ${m.coverage!.textbook!.entropy!.toFixed(6)} vs ${py.entropy.toFixed(6)}; gzip ratio ${m.compression.ratio!.toFixed(4)} vs ${py.compression.toFixed(4)}`);
    expect(m.distinct).toEqual(py.distinct.map((d) => ({ n: d.n, distinct: d.distinct, total: d.total, ratio: expect.closeTo(d.ratio, 12) })));
    expect(m.vectors).toMatchObject({ kind: "tfidf", dimensions: py.vocabulary, n: items.length });
    expect(m.vectors.vendi!).toBeCloseTo(py.vendi, 8);
    expect(m.vectors.dispersion!).toBeCloseTo(py.dispersion, 10);
    expect(m.coverage!.textbook!.entropy!).toBeCloseTo(py.entropy, 12);
    // zlib builds differ in their match finders; the ratio agrees to a few tenths of a percent.
    expect(Math.abs(m.compression.ratio! - py.compression) / py.compression).toBeLessThan(0.02);
  });
});
