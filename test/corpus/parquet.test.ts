import { parquetWriteFile } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { ImportInterruptedError } from "@/lib/corpus/import-errors";
import { importFile } from "@/lib/corpus/import-file";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "../helpers/db";
import { abortAfterFirstBatch, ctx, datasetSnippets, useTempDir } from "./helpers";

useTestDatabase();
const tmp = useTempDir();

const N = 60;
const ids = Array.from({ length: N }, (_, i) => i);
// Row 13 (index 12) has an invalid score; rows 21 and 41 repeat row 1's content.
const content = (i: number) => (i === 20 || i === 40 ? contentOf(0) : contentOf(i));
function contentOf(i: number) {
  return `def parquet_${i}(values):\n    """Sum of values times ${i}."""\n    return sum(values) * ${i}\n`;
}

function writeStackParquet(filename: string, options: { pageSize?: number; rowGroupSize?: number } = {}) {
  parquetWriteFile({
    filename,
    rowGroupSize: options.rowGroupSize ?? 25,
    pageSize: options.pageSize,
    columnData: [
      { name: "hexsha", data: ids.map((i) => `sha${i}`) },
      { name: "size", data: ids.map((i) => BigInt(content(i).length)), type: "INT64" },
      { name: "ext", data: ids.map(() => "py") },
      { name: "lang", data: ids.map(() => "Python") },
      { name: "max_stars_repo_path", data: ids.map((i) => `src/p${i}.py`) },
      { name: "max_stars_repo_name", data: ids.map((i) => (i % 2 ? "org/odd" : "org/even")) },
      { name: "max_stars_repo_head_hexsha", data: ids.map(() => "f00d") },
      { name: "max_stars_repo_licenses", data: ids.map((i) => (i % 2 ? ["MIT", "Apache-2.0"] : ["MIT"])) },
      { name: "content", data: ids.map(content) },
      { name: "avg_line_length", data: ids.map(() => 30.5), type: "DOUBLE" },
      { name: "alphanum_fraction", data: ids.map(() => 0.75), type: "DOUBLE" },
      { name: "llm_score", data: ids.map((i) => (i === 12 ? 9 : i % 3 === 0 ? i % 6 : null)), type: "INT32" },
      { name: "llm_rationale", data: ids.map((i) => (i % 3 === 0 ? `why ${i}` : null)) },
      { name: "llm_model", data: ids.map((i) => (i % 3 === 0 ? "pq-model" : null)) },
      { name: "prompt_version", data: ids.map((i) => (i % 3 === 0 ? "pq-v1" : null)) },
      { name: "llm_is_example", data: ids.map((i) => i === 3), type: "BOOLEAN" },
    ],
  });
}

// Labelled rows: i % 3 === 0 except row index 12 (bad score), and index 0 only once (20 and 40 are not labelled).
const labelled = ids.filter((i) => i % 3 === 0 && i !== 12);
const expected = { records: N, inserted: N - 1 - 2, duplicates: 2, errorCount: 1, llmLabels: labelled.length };

describe("Parquet import", () => {
  it("imports The Stack's columns and LLM labels, row group by row group", async () => {
    const file = tmp("stack.parquet");
    writeStackParquet(file);
    const report = await importFile({ dataset: "pq", filePath: file }, ctx());
    expect(report).toMatchObject({ status: "completed", format: "parquet", ...expected, errors: [{ line: 13, reason: "llm_score out of range 0–5 (got 9)" }] });

    const snippets = await datasetSnippets("pq");
    expect(snippets).toHaveLength(expected.inserted);
    expect(snippets[1]).toMatchObject({
      content: contentOf(1),
      language: "python",
      source: "org/odd",
      path: "src/p1.py",
      license: "MIT, Apache-2.0",
      externalId: "sha1",
      llmScore: null,
    });
    expect(JSON.parse(snippets[1].meta!)).toEqual({ size: contentOf(1).length, ext: "py", max_stars_repo_head_hexsha: "f00d", avg_line_length: 30.5, alphanum_fraction: 0.75 });
    const scored = snippets.filter((s) => s.llmScore !== null);
    expect(scored.map((s) => s.externalId)).toEqual(labelled.map((i) => `sha${i}`));
    const example = await db().llmLabel.findFirstOrThrow({ where: { snippet: { externalId: "sha3", datasetId: snippets[0].datasetId } } });
    expect(example).toMatchObject({ score: 3, model: "pq-model", promptVersion: "pq-v1", rationale: "why 3", isExample: true, origin: "import" });
  });

  it("gives the same result when reading small page slices through the offset index", async () => {
    const file = tmp("paged.parquet");
    writeStackParquet(file, { pageSize: 256, rowGroupSize: 40 });
    const report = await importFile({ dataset: "pq-paged", filePath: file }, ctx());
    expect(report).toMatchObject({ status: "completed", ...expected });
    const a = (await datasetSnippets("pq")).map((s) => [s.contentHash, s.llmScore, s.license]);
    const b = (await datasetSnippets("pq-paged")).map((s) => [s.contentHash, s.llmScore, s.license]);
    expect(b).toEqual(a);
  });

  it("resumes from the last committed row", async () => {
    const file = tmp("resume.parquet");
    writeStackParquet(file, { rowGroupSize: 16 });
    const interrupted = await importFile({ dataset: "pq-resume", filePath: file, batchSize: 10 }, abortAfterFirstBatch()).catch((e) => e);
    expect(interrupted).toBeInstanceOf(ImportInterruptedError);
    expect((interrupted as ImportInterruptedError).report).toMatchObject({ status: "running", records: 10 });

    const report = await importFile({ dataset: "pq-resume", filePath: file, batchSize: 10 }, ctx());
    expect(report).toMatchObject({ status: "completed", importId: (interrupted as ImportInterruptedError).report.importId, resumedFromLine: 11, ...expected });
    expect(await db().snippet.count({ where: { dataset: { name: "pq-resume" } } })).toBe(expected.inserted);
  });
});

describe("readParquet", () => {
  it("reads slices of rows when the file has an offset index, and whole row groups otherwise", async () => {
    const { readParquet } = await import("@/lib/corpus/read-parquet");
    const paged = tmp("slices.parquet");
    writeStackParquet(paged, { pageSize: 256, rowGroupSize: 40 });
    const chunks: number[][] = [];
    for await (const c of readParquet(paged, { sliceRows: 7, skipThrough: 3 })) chunks.push(c.rows.map((r) => r.line));
    expect(chunks.map((c) => c.length)).toEqual([7, 7, 7, 7, 7, 2, 7, 7, 6]);
    expect(chunks.flat()).toEqual(ids.slice(3).map((i) => i + 1));

    const plain = tmp("no-index.parquet");
    writeStackParquet(plain, { rowGroupSize: 40 });
    const sizes: number[] = [];
    for await (const c of readParquet(plain, { sliceRows: 7 })) sizes.push(c.rows.length);
    expect(sizes).toEqual([40, 20]);
  });
});
