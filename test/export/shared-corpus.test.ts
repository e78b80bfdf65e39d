import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { Prisma } from "@syllabus/prisma-sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomRankSql } from "@/lib/campaigns/selection-sql";
import { plainContext } from "@/lib/context";
import { importFile } from "@/lib/corpus/import-file";
import { db } from "@/lib/db/client";
import { createExport } from "@/lib/export/create-export";
import { previewExport } from "@/lib/export/preview-export";
import { runExport } from "@/lib/export/run-export";
import type { ExportManifest, TExportSpec } from "@/lib/export/types";
import { closeTokenPool } from "@/lib/snippets/count-tokens-pool";
import { jobRegistry } from "@/workers/registry";
import { useTestDatabase } from "../helpers/db";
import { readParquetWithDuckDb, tempDir } from "./fixtures";

/**
 * The shared corpus (real Python files from The Stack's schema) exported end to end and read back by
 * readers that did not write it: DuckDB for Parquet, zlib + JSON.parse for JSONL.gz. Skips when the corpus
 * is absent (a fresh clone).
 */
useTestDatabase();
const corpus = path.resolve(process.cwd(), "../shared/data/corpus/python-sample.jsonl.gz");
const present = fs.existsSync(corpus);
if (!present) console.log(`skipping the shared-corpus export test: ${corpus} is absent`);

let datasetId = 0;
let root = "";
const SEED = 424242;

beforeAll(async () => {
  if (!present) return;
  process.env.SYLLABUS_DATA_DIR = tempDir("syllabus-export-shared-");
  root = tempDir("syllabus-export-shared-out-");
  await importFile({ dataset: "python-sample", filePath: corpus }, plainContext());
  datasetId = (await db().dataset.findUniqueOrThrow({ where: { name: "python-sample" } })).id;
}, 300_000);
afterAll(async () => {
  await closeTokenPool();
});

async function exportTo(dir: string, spec: TExportSpec): Promise<{ id: number; manifest: ExportManifest }> {
  const { id } = await createExport({ spec, outDir: dir }, jobRegistry);
  const r = await runExport(id, plainContext());
  expect(r.status).toBe("succeeded");
  return { id, manifest: JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as ExportManifest };
}

/** The selection as the database orders it: randomRankSql, computed by SQLite/PostgreSQL themselves. */
async function expectedOrder(where: Prisma.Sql, seed: number): Promise<{ id: number; content: string }[]> {
  return db().$queryRaw<{ id: number; content: string }[]>(Prisma.sql`SELECT s.id, s.content FROM snippet s WHERE ${where} ORDER BY ${randomRankSql(Prisma.sql`s.id`, seed)}, s.id`);
}

const sha256 = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe.skipIf(!present)("export of the shared corpus", () => {
  it("Parquet, 3+ train shards and a validation split, read back by DuckDB: same rows and contents, counts and sha256 as the manifest; a rerun is byte-identical", { timeout: 300_000 }, async () => {
    const spec: TExportSpec = { datasetIds: [datasetId], filter: { mode: "all" }, excludeContaminated: true, shard: { rows: 800 }, split: { validationFraction: 0.05 }, seed: SEED, name: "python-sample-all" };
    const preview = await previewExport(spec);
    const dirA = path.join(root, "a");
    const a = await exportTo(dirA, spec);
    const m = a.manifest;

    const expected = await expectedOrder(Prisma.sql`s."datasetId" = ${datasetId}`, SEED);
    expect(m.rows).toBe(expected.length);
    expect(preview.rows).toBe(expected.length);
    // The preview counted the tokens the export then used (200 sampled, the rest in the job): exact either way.
    expect(m.tokens).toBe(Number((await db().snippet.aggregate({ where: { datasetId }, _sum: { tokenCount: true } }))._sum.tokenCount));
    const train = m.shards.filter((s) => s.split === "train");
    const validation = m.shards.filter((s) => s.split === "validation");
    expect(train.length).toBeGreaterThanOrEqual(3);
    expect(validation.length).toBe(1);
    expect(m.splits.validation.rows).toBe(Math.round(expected.length * 0.05));
    expect(train.map((s) => s.file)).toEqual(train.map((_, i) => `data/train-${String(i).padStart(5, "0")}-of-${String(train.length).padStart(5, "0")}.parquet`));
    expect(fs.readdirSync(dirA).sort()).toEqual(["README.md", "data", "manifest.json"]);
    expect(fs.readdirSync(path.join(dirA, "data")).sort()).toEqual(m.shards.map((s) => path.basename(s.file)).sort());

    for (const s of m.shards) {
      const file = path.join(dirA, s.file);
      expect(sha256(file)).toBe(s.sha256);
      expect(fs.statSync(file).size).toBe(s.bytes);
    }
    // Train shards then validation, each in file order = the database's seeded order.
    const rows = await readParquetWithDuckDb(m.shards.map((s) => path.join(dirA, s.file)));
    expect(rows.length).toBe(m.rows);
    expect(rows.map((r) => Number(r.id))).toEqual(expected.map((e) => e.id));
    expect(rows.every((r, i) => r.content === expected[i].content)).toBe(true);
    for (const s of m.shards) {
      const n = (await readParquetWithDuckDb([path.join(dirA, s.file)])).length;
      expect(n).toBe(s.rows);
    }
    // Columns and values as the database has them.
    const one = await db().snippet.findUniqueOrThrow({ where: { id: Number(rows[0].id) } });
    expect(rows[0]).toMatchObject({ dataset: "python-sample", kind: "code", language: one.language, source: one.source, path: one.path, license: one.license, external_id: one.externalId, token_count: one.tokenCount, llm_score: one.llmScore, human_score: null, topic: null, tests: null });
    expect(Object.keys(rows[0])).toEqual(m.columns.map((c) => c.name));

    const card = fs.readFileSync(path.join(dirA, "README.md"), "utf8");
    expect(card).toMatch(/^---\n[\s\S]*configs:\n- config_name: default\n  data_files:\n  - split: train\n    path: data\/train-\*\.parquet\n  - split: validation\n/);
    expect(card).toContain("| `token_count` | int32 | no |");
    expect(m).toMatchObject({ manifest_version: 1, format: "parquet", compression: "snappy", seed: SEED, tool: { name: "syllabus", version: expect.stringMatching(/^\d+\.\d+\.\d+/) }, datasets: [{ id: datasetId, name: "python-sample" }] });

    // Same spec and seed again, elsewhere: the same bytes; the manifest differs only in creation time and id.
    const dirB = path.join(root, "b");
    const b = await exportTo(dirB, spec);
    for (const s of m.shards) expect(sha256(path.join(dirB, s.file))).toBe(s.sha256);
    const { created_at: _ca, export_id: ida, ...restA } = a.manifest;
    const { created_at: _cb, export_id: idb, ...restB } = b.manifest;
    expect(ida).not.toBe(idb);
    expect(restB).toEqual(restA);
    expect(fs.readFileSync(path.join(dirB, "README.md"), "utf8")).toBe(card);

    // The database records match the files.
    const row = await db().export.findUniqueOrThrow({ where: { id: a.id }, include: { shards: true } });
    expect(row).toMatchObject({ status: "succeeded", rows: m.rows, shardCount: m.shards.length });
    expect(Number(row.tokens)).toBe(m.tokens);
    expect(row.shards.map((s) => s.sha256).sort()).toEqual(m.shards.map((s) => s.sha256).sort());
  });

  it("JSONL.gz read back with zlib: the LLM-filtered rows in seeded order, deterministic gzip", { timeout: 300_000 }, async () => {
    const spec: TExportSpec = { datasetIds: [datasetId], filter: { mode: "llm", minLlmScore: 3 }, format: "jsonl", shard: { bytes: 100_000 }, seed: 99, name: "llm3" };
    const dir = path.join(root, "jsonl");
    const { manifest: m } = await exportTo(dir, spec);
    const expected = await expectedOrder(Prisma.sql`s."datasetId" = ${datasetId} AND s."llmScore" >= 3`, 99);
    expect(expected.length).toBeGreaterThan(50);
    expect(m.shards.length).toBeGreaterThan(1);
    const lines: Record<string, unknown>[] = [];
    for (const s of m.shards) {
      const raw = fs.readFileSync(path.join(dir, s.file));
      expect(raw.subarray(0, 10).toString("hex")).toBe("1f8b0800000000000003"); // gzip, deflate, no flags, mtime 0, unix
      const part = zlib.gunzipSync(raw).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(part.length).toBe(s.rows);
      expect(part.reduce((a, r) => a + (r.token_count as number), 0)).toBe(s.tokens);
      lines.push(...part);
    }
    expect(lines.map((r) => r.id)).toEqual(expected.map((e) => e.id));
    expect(lines.every((r, i) => r.content === expected[i].content)).toBe(true);
    expect(lines.every((r) => (r.llm_score as number) >= 3)).toBe(true);
    expect(m.label_counts.llm).toEqual(Object.fromEntries(Object.entries(m.label_counts.llm).filter(([k]) => Number(k) >= 3)));

    const again = path.join(root, "jsonl-again");
    const second = await exportTo(again, spec);
    expect(second.manifest.shards).toEqual(m.shards);
    for (const s of m.shards) expect(sha256(path.join(again, s.file))).toBe(s.sha256);
  });
});
