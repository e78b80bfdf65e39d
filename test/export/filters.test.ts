import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { Prisma } from "@syllabus/prisma-sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomRankSql } from "@/lib/campaigns/selection-sql";
import { createUser } from "@/lib/auth/users";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { createExport } from "@/lib/export/create-export";
import { previewExport } from "@/lib/export/preview-export";
import { runExport } from "@/lib/export/run-export";
import { seededOrder, seededRank } from "@/lib/export/seeded-rank";
import type { ExportManifest, ExportRow, TExportSpec } from "@/lib/export/types";
import { closeTokenPool } from "@/lib/snippets/count-tokens-pool";
import { countTokens } from "@/lib/llm/count-tokens";
import { jobRegistry } from "@/workers/registry";
import { useTestDatabase } from "../helpers/db";
import { seedExportDataset, tempDir } from "./fixtures";

/**
 * Every filter and exclusion of an export against a fixture whose expected selection is known row by row;
 * the preview must count what the export writes.
 */
useTestDatabase();
let code: { id: number; snippetIds: number[] };
let syn: { id: number; snippetIds: number[] };
let ids: number[];
let out = "";
let userA = "";
let userB = "";

async function humanLabels(snippetId: number, scores: (number | null)[]) {
  const users = [userA, userB];
  for (const [i, score] of scores.entries()) {
    const s = await db().snippet.findUniqueOrThrow({ where: { id: snippetId } });
    await db().humanLabel.create({ data: { snippetId, userId: users[i], datasetId: s.datasetId, status: score === null ? "skipped" : "labeled", score, llmScore: s.llmScore, agreed: false } });
  }
  const labeled = scores.filter((s) => s !== null).length;
  await db().snippet.update({ where: { id: snippetId }, data: { reviewCount: labeled } });
}

beforeAll(async () => {
  process.env.SYLLABUS_DATA_DIR = tempDir("syllabus-export-filters-");
  out = tempDir("syllabus-export-filters-out-");
  userA = (await createUser({ email: "a@export.test", password: "password123", role: "admin" })).id;
  userB = (await createUser({ email: "b@export.test", password: "password123", role: "annotator" })).id;
  code = await seedExportDataset("code", 60);
  syn = await seedExportDataset("synth", 6, { kind: "exercise", threshold: 4 });
  ids = code.snippetIds;
  // Human verdicts (threshold 3): approved, rejected, even count 2+4 → 3 approved, 2+3 → 2 rejected, skipped only.
  await humanLabels(ids[0], [4]);
  await humanLabels(ids[1], [1]);
  await humanLabels(ids[2], [2, 4]);
  await humanLabels(ids[3], [2, 3]);
  await humanLabels(ids[4], [null]);
  // Contaminated without and with an override; a near-duplicate of ids[8].
  await db().snippet.update({ where: { id: ids[5] }, data: { contaminated: true } });
  await db().snippet.update({ where: { id: ids[6] }, data: { contaminated: true } });
  await db().contamOverride.create({ data: { snippetId: ids[6], userId: userA, note: "false positive: common idiom" } });
  await db().snippet.update({ where: { id: ids[7] }, data: { nearDupOf: ids[8] } });
  // Synthetic items: two approved, two pending, two rejected.
  const statuses = ["approved", "approved", "pending", "pending", "rejected", "rejected"];
  for (const [i, id] of syn.snippetIds.entries()) {
    await db().syntheticItem.create({ data: { snippetId: id, datasetId: syn.id, kind: "exercise", topic: `topic ${i}`, audience: "beginners", functionName: `fn_${i}`, prompt: "def f():\n", solution: "    return 1\n", tests: `assert f() == ${i}`, reviewStatus: statuses[i] } });
  }
  // A ready model scoring the code dataset: p = i / 60.
  const model = await db().classifierModel.create({ data: { version: 1, status: "ready", active: true, cut: 0.5 } });
  await db().snippetScore.createMany({ data: ids.map((id, i) => ({ snippetId: id, modelId: model.id, probability: i / 60 })) });
});
afterAll(async () => {
  await closeTokenPool();
});

let n = 0;
/** Exports `spec` as JSONL (one shard) and returns its rows and manifest, plus the preview's row count. */
async function run(spec: Partial<TExportSpec>): Promise<{ rows: ExportRow[]; manifest: ExportManifest; previewRows: number }> {
  const full: TExportSpec = { datasetIds: [code.id], filter: { mode: "all" }, format: "jsonl", shard: { rows: 1000 }, seed: 5, ...spec };
  const preview = await previewExport(full);
  const dir = path.join(out, `e${n++}`);
  const { id } = await createExport({ spec: full, outDir: dir }, jobRegistry);
  expect((await runExport(id, plainContext())).status).toBe("succeeded");
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as ExportManifest;
  const rows = manifest.shards.flatMap((s) =>
    zlib.gunzipSync(fs.readFileSync(path.join(dir, s.file))).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as ExportRow),
  );
  expect(rows.length).toBe(manifest.rows);
  return { rows, manifest, previewRows: preview.rows };
}
const idSet = (rows: ExportRow[]) => new Set(rows.map((r) => r.id));
const without = (list: number[], ...drop: number[]) => list.filter((id) => !drop.includes(id));

describe("export filters", () => {
  it("defaults: human-rejected and contaminated (without override) are left out; synthetic items are not included", async () => {
    const { rows, manifest, previewRows } = await run({});
    expect(idSet(rows)).toEqual(new Set(without(ids, ids[1], ids[3], ids[5])));
    expect(previewRows).toBe(rows.length);
    expect(manifest.label_counts.human).toEqual({ approved: 2, rejected: 0, unlabeled: rows.length - 2 });
    expect(manifest.label_counts.contaminatedOverridden).toBe(1);
    const r2 = rows.find((r) => r.id === ids[2])!;
    expect(r2.human_score).toBe(3);
    expect(r2.classifier_prob).toBeCloseTo(2 / 60, 12);
    expect(rows.find((r) => r.id === ids[9])!.human_score).toBeNull();
  });

  it("keeps human-rejected and contaminated rows when asked; drops near-duplicates when asked", async () => {
    const all = await run({ excludeHumanRejected: false, excludeContaminated: false });
    expect(idSet(all.rows)).toEqual(new Set(ids));
    expect(all.previewRows).toBe(60);
    const noDups = await run({ excludeNearDuplicates: true });
    expect(idSet(noDups.rows)).toEqual(new Set(without(ids, ids[1], ids[3], ids[5], ids[7])));
  });

  it("human-approved only: median human score ≥ the dataset's threshold", async () => {
    const { rows, previewRows } = await run({ filter: { mode: "human" } });
    expect(idSet(rows)).toEqual(new Set([ids[0], ids[2]]));
    expect(previewRows).toBe(2);
  });

  it("LLM score ≥ k and the classifier at a cut (its own scores)", async () => {
    const llm = await run({ filter: { mode: "llm", minLlmScore: 4 } });
    const llmScores = await db().snippet.findMany({ where: { datasetId: code.id, llmScore: { gte: 4 } }, select: { id: true } });
    expect(idSet(llm.rows)).toEqual(new Set(without(llmScores.map((s) => s.id), ids[1], ids[3], ids[5])));
    const model = await run({ filter: { mode: "model", cut: 0.75 } });
    expect(idSet(model.rows)).toEqual(new Set(ids.slice(45)));
    expect(model.manifest.model).toMatchObject({ version: 1, cut: 0.75, role: "filter" });
    expect(model.rows.every((r) => r.classifier_prob! >= 0.75)).toBe(true);
    // Default cut: the model's own.
    const byDefault = await run({ filter: { mode: "model" } });
    expect(idSet(byDefault.rows)).toEqual(new Set(ids.slice(30)));
  });

  it("synthetic items: only approved ones, with their constraint columns", async () => {
    // Without includeSynthetic a synthetic dataset has nothing to export.
    expect((await previewExport({ datasetIds: [syn.id], filter: { mode: "all" } })).rows).toBe(0);
    await expect(createExport({ spec: { datasetIds: [syn.id], filter: { mode: "all" } } }, jobRegistry)).rejects.toThrow(/nothing to export/);
    const on = await run({ datasetIds: [code.id, syn.id], filter: { mode: "llm", minLlmScore: 5 }, includeSynthetic: true });
    const synthetic = on.rows.filter((r) => r.dataset === "synth");
    expect(new Set(synthetic.map((r) => r.id))).toEqual(new Set(syn.snippetIds.slice(0, 2)));
    expect(synthetic.find((r) => r.id === syn.snippetIds[1])).toMatchObject({ kind: "exercise", topic: "topic 1", audience: "beginners", function_name: "fn_1", tests: "assert f() == 1" });
    expect(on.manifest.label_counts.synthetic).toBe(2);
    expect(on.previewRows).toBe(on.rows.length);
    expect(on.rows.filter((r) => r.dataset === "code").every((r) => r.llm_score === 5)).toBe(true);
  });

  it("token range and languages, on exact o200k counts", async () => {
    const contents = await db().snippet.findMany({ where: { datasetId: code.id }, select: { id: true, content: true, language: true } });
    const tokens = new Map(contents.map((c) => [c.id, countTokens(c.content)]));
    const sorted = [...tokens.values()].sort((a, b) => a - b);
    const [lo, hi] = [sorted[15], sorted[45]];
    const { rows, previewRows } = await run({ minTokens: lo, maxTokens: hi, languages: ["python", "go"], excludeHumanRejected: false, excludeContaminated: false });
    const expected = contents.filter((c) => ["python", "go"].includes(c.language) && tokens.get(c.id)! >= lo && tokens.get(c.id)! <= hi).map((c) => c.id);
    expect(idSet(rows)).toEqual(new Set(expected));
    expect(rows.every((r) => r.token_count === tokens.get(r.id))).toBe(true);
    expect(previewRows).toBe(expected.length);
    // Counts are cached on the snippets now.
    const cached = await db().snippet.findMany({ where: { datasetId: code.id }, select: { id: true, tokenCount: true } });
    expect(cached.every((c) => c.tokenCount === tokens.get(c.id))).toBe(true);
  });

  it("the preview estimates uncounted rows and says so; the export's tokens are exact", async () => {
    await db().snippet.updateMany({ where: { datasetId: code.id, id: { in: ids.slice(0, 40) } }, data: { tokenCount: null } });
    const spec: TExportSpec = { datasetIds: [code.id], filter: { mode: "all" }, excludeHumanRejected: false, excludeContaminated: false, seed: 1 };
    const preview = await previewExport(spec);
    expect(preview).toMatchObject({ rows: 60, tokensEstimated: true, uncountedRows: 40 });
    const exact = (await db().snippet.findMany({ where: { datasetId: code.id }, select: { content: true } })).reduce((a, s) => a + countTokens(s.content), 0);
    expect(Math.abs(preview.tokens - exact) / exact).toBeLessThan(0.2);
    const { manifest } = await run(spec);
    expect(manifest.tokens).toBe(exact);
    expect((await previewExport(spec)).tokensEstimated).toBe(false);
  });

  it("bad specs get clear errors", async () => {
    await expect(previewExport({ datasetIds: [] })).rejects.toThrow(/at least one dataset/);
    await expect(previewExport({ datasetIds: [999_999], filter: { mode: "all" } })).rejects.toThrow(/no dataset with id 999999/);
    await expect(previewExport({ datasetIds: [code.id], minTokens: 10, maxTokens: 5 })).rejects.toThrow(/minTokens must be ≤ maxTokens/);
    await expect(previewExport({ datasetIds: [code.id], filter: { mode: "llm", minLlmScore: 9 } })).rejects.toThrow(/0–5/);
    await expect(previewExport({ datasetIds: [code.id], shard: { rows: 0 } })).rejects.toThrow(/at least 1/);
    await expect(createExport({ spec: { datasetIds: [code.id], filter: { mode: "llm", minLlmScore: 5 }, languages: ["cobol"] } }, jobRegistry)).rejects.toThrow(/nothing to export/);
    const taken = tempDir("syllabus-export-taken-");
    fs.writeFileSync(path.join(taken, "keep.txt"), "mine");
    await expect(createExport({ spec: { datasetIds: [code.id], filter: { mode: "all" } }, outDir: taken }, jobRegistry)).rejects.toThrow(/not empty/);
    expect(fs.readFileSync(path.join(taken, "keep.txt"), "utf8")).toBe("mine");
  });

  it("a problem a retry cannot fix fails the export at once, leaving nothing behind", async () => {
    const dir = path.join(out, "taken-later");
    const { id } = await createExport({ spec: { datasetIds: [code.id], filter: { mode: "all" }, seed: 2 }, outDir: dir }, jobRegistry);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "someone-else.txt"), "x");
    expect((await runExport(id, plainContext())).status).toBe("failed");
    expect(await db().export.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", error: expect.stringMatching(/is not empty/) });
    expect(fs.readdirSync(dir)).toEqual(["someone-else.txt"]);
    expect(fs.existsSync(`${dir}.partial-${id}`)).toBe(false);
  });

  it("the JS shuffle is the database's ORDER BY randomRankSql(id, seed), id", async () => {
    for (const seed of [0, 1, 77, 2 ** 31 - 1]) {
      const fromDb = await db().$queryRaw<{ id: number; r: bigint | number }[]>(Prisma.sql`SELECT s.id, ${randomRankSql(Prisma.sql`s.id`, seed)} AS r FROM snippet s ORDER BY r, s.id`);
      expect(fromDb.map((x) => seededRank(Number(x.id), seed))).toEqual(fromDb.map((x) => Number(x.r)));
      const sortedIds = Int32Array.from(fromDb.map((x) => Number(x.id)).sort((a, b) => a - b));
      expect(Array.from(seededOrder(sortedIds, seed), (i) => sortedIds[i])).toEqual(fromDb.map((x) => Number(x.id)));
    }
    // Ids near 2^31 stay exact (the SQL's intermediates reach 2^63).
    expect(seededRank(2 ** 31 - 1, 2 ** 31 - 1)).toBe(Number((((BigInt(2 ** 31 - 1) * 2654435761n + BigInt(2 ** 31 - 1)) % 4294967291n) ^ ((((BigInt(2 ** 31 - 1) * 2654435761n + BigInt(2 ** 31 - 1)) % 4294967291n)) >> 13n)) * 1597334677n % 4294967291n));
  });
});
