import fs from "node:fs";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { importFile } from "@/lib/corpus/import-file";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "../helpers/db";
import { ctx, datasetSnippets, fixture, jsonl, pythonRows, useTempDir } from "./helpers";

useTestDatabase();
const tmp = useTempDir();

describe("bad lines", () => {
  it("reports each bad line with its physical line number and imports every valid one", async () => {
    const report = await importFile({ dataset: "bad-lines", filePath: fixture("bad-lines.jsonl") }, ctx());
    expect(report).toMatchObject({ status: "completed", format: "jsonl", records: 13, inserted: 4, duplicates: 0, llmLabels: 2, errorCount: 9 });
    expect(report.fatalError).toBeUndefined();
    expect(report.errors.map((e) => e.line)).toEqual([2, 5, 6, 7, 8, 9, 10, 12, 13]);
    expect(report.errors[0].reason).toMatch(/^invalid JSON: /);
    expect(report.errors.slice(1)).toEqual([
      { line: 5, reason: "not a JSON object (got array)" },
      { line: 6, reason: 'missing content (no "content", "text" or "code" field)' },
      { line: 7, reason: "content is not a string (got number)" },
      { line: 8, reason: "llm_score out of range 0–5 (got 7)" },
      { line: 9, reason: 'llm_score must be an integer 0–5 (got "high")' },
      { line: 10, reason: "llm_score must be an integer 0–5 (got 3.5)" },
      { line: 12, reason: "content is empty" },
      { line: 13, reason: "not a JSON object (got string)" },
    ]);

    const snippets = await datasetSnippets("bad-lines");
    expect(snippets.map((s) => [s.content.slice(0, 9), s.language, s.llmScore])).toEqual([
      ["def a():\n", "python", null],
      ["def b():\n", "python", null],
      ["def c():\n", "unknown", 4],
      ["def d():\n", "unknown", 2],
    ]);
    expect(snippets[0]).toMatchObject({ source: "me/repo", path: "a.py", license: "MIT", externalId: "a1", meta: '{"size":24}', importId: report.importId });
    const labels = await db().llmLabel.findMany({ orderBy: { id: "asc" } });
    expect(labels.map((l) => [l.score, l.model, l.promptVersion, l.rationale, l.origin])).toEqual([
      [4, "m1", "v1", "clear", "import"],
      [2, "imported", "unknown", "", "import"],
    ]);

    const run = await db().importRun.findUniqueOrThrow({ where: { id: report.importId } });
    expect(run).toMatchObject({ status: "completed", linesDone: 14, inserted: 4, errorCount: 9, fatalError: null });
    expect(JSON.parse(run.errors)).toEqual(report.errors);
    expect((await db().dataset.findUniqueOrThrow({ where: { name: "bad-lines" } })).snippetCount).toBe(4);
  });

  it("rejects a line of invalid UTF-8 and keeps its neighbours", async () => {
    const file = tmp("utf8.jsonl");
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(jsonl([{ content: "ok = 'é'\n" }])),
        Buffer.from('{"content": "bad = \'\xff\xfe\'"}\n', "latin1"),
        Buffer.from(jsonl([{ content: "also_ok = 1\n" }])),
      ]),
    );
    const report = await importFile({ dataset: "utf8", filePath: file }, ctx());
    expect(report).toMatchObject({ records: 3, inserted: 2, errorCount: 1, errors: [{ line: 2, reason: "invalid UTF-8" }] });
    expect((await datasetSnippets("utf8")).map((s) => s.content)).toEqual(["ok = 'é'\n", "also_ok = 1\n"]);
  });

  it("skips a line over the size limit without buffering it, and reports it", async () => {
    const file = tmp("long.jsonl");
    const huge = { content: "x = '" + "a".repeat(1024 * 1024 + 10) + "'\n" };
    fs.writeFileSync(file, jsonl([{ content: "first = 1\n" }, huge, { content: "third = 3\n" }, huge]));
    const report = await importFile({ dataset: "long", filePath: file }, ctx());
    expect(report).toMatchObject({
      records: 4,
      inserted: 2,
      errorCount: 2,
      errors: [
        { line: 2, reason: "line exceeds 1048576 bytes" },
        { line: 4, reason: "line exceeds 1048576 bytes" },
      ],
    });

    const small = await importFile({ dataset: "long-small", filePath: file, maxLineBytes: 64 }, ctx());
    expect(small.errors).toEqual([
      { line: 2, reason: "line exceeds 64 bytes" },
      { line: 4, reason: "line exceeds 64 bytes" },
    ]);
    expect(small.inserted).toBe(2);
  });

  it("handles CRLF line ends, a UTF-8 BOM and blank lines", async () => {
    const file = tmp("crlf.jsonl");
    const body = jsonl(pythonRows(3)).replaceAll("\n", "\r\n");
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`\r\n${body}\r\n   \r\n`)]));
    const report = await importFile({ dataset: "crlf", filePath: file }, ctx());
    expect(report).toMatchObject({ records: 3, inserted: 3, errorCount: 0 });
    // Contents keep their own newlines: only the line terminator was removed.
    expect((await datasetSnippets("crlf")).map((s) => s.content)).toEqual(pythonRows(3).map((r) => r.content));
  });
});

describe("whole-file problems", () => {
  it("an empty file", async () => {
    const file = tmp("empty.jsonl");
    fs.writeFileSync(file, "");
    const report = await importFile({ dataset: "empty", filePath: file }, ctx());
    expect(report).toMatchObject({ status: "failed", fatalError: "file is empty", records: 0, inserted: 0 });
    const run = await db().importRun.findUniqueOrThrow({ where: { id: report.importId } });
    expect(run).toMatchObject({ status: "failed", fatalError: "file is empty" });
    expect(run.finishedAt).toBeInstanceOf(Date);
  });

  it("an empty .gz", async () => {
    const file = tmp("empty.jsonl.gz");
    fs.writeFileSync(file, zlib.gzipSync(Buffer.alloc(0)));
    expect(await importFile({ dataset: "empty-gz", filePath: file }, ctx())).toMatchObject({ status: "failed", fatalError: "file is empty", format: "jsonl.gz" });
  });

  it("a binary file", async () => {
    const file = tmp("image.jsonl");
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from(jsonl(pythonRows(5)))]);
    fs.writeFileSync(file, png);
    const report = await importFile({ dataset: "binary", filePath: file }, ctx());
    expect(report).toMatchObject({ status: "failed", fatalError: "looks like a binary file, expected JSONL/JSONL.gz/Parquet", records: 0, inserted: 0 });
    expect(await datasetSnippets("binary")).toEqual([]);
  });

  it("a file over 2 GiB is recorded without overflowing 32-bit columns (PostgreSQL INTEGER)", async () => {
    const file = tmp("huge-sparse.jsonl");
    fs.writeFileSync(file, "");
    fs.truncateSync(file, 2.5 * 1024 ** 3); // sparse: no disk used, reads as NUL bytes
    const report = await importFile({ dataset: "huge", filePath: file }, ctx());
    expect(report).toMatchObject({ status: "failed", fatalError: "looks like a binary file, expected JSONL/JSONL.gz/Parquet", bytes: 2.5 * 1024 ** 3 });
    expect((await db().importRun.findUniqueOrThrow({ where: { id: report.importId } })).bytesTotal).toBe(2_147_483_647);
  });

  it("a truncated .gz keeps every complete line before the cut", async () => {
    const rows = pythonRows(400);
    const gz = zlib.gzipSync(jsonl(rows));
    const cut = gz.subarray(0, Math.floor(gz.length * 0.6));
    const file = tmp("truncated.jsonl.gz");
    fs.writeFileSync(file, cut);
    // What a tolerant decoder recovers from the cut stream: the complete lines are the expected imports.
    const recovered = zlib.gunzipSync(cut, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString();
    const complete = recovered.slice(0, recovered.lastIndexOf("\n") + 1).split("\n").length - 1;
    expect(complete).toBeGreaterThan(0);
    expect(complete).toBeLessThan(400);

    const report = await importFile({ dataset: "truncated", filePath: file }, ctx());
    expect(report).toMatchObject({
      status: "failed",
      format: "jsonl.gz",
      fatalError: `gzip stream ended early after line ${complete}; the ${complete} lines before it were imported`,
      records: complete,
      inserted: complete,
      errorCount: 0,
    });
    expect((await datasetSnippets("truncated")).map((s) => s.content)).toEqual(rows.slice(0, complete).map((r) => r.content));
  });

  it("a corrupt .gz", async () => {
    const gz = Buffer.from(zlib.gzipSync(jsonl(pythonRows(200))));
    for (let i = Math.floor(gz.length / 2); i < gz.length / 2 + 64; i++) gz[i] ^= 0xa5;
    const file = tmp("corrupt.jsonl.gz");
    fs.writeFileSync(file, gz);
    const report = await importFile({ dataset: "corrupt-gz", filePath: file }, ctx());
    expect(report.status).toBe("failed");
    expect(report.fatalError).toMatch(/^gzip stream (is corrupt \(.+\)|ended early) after line (\d+); the \2 lines before it were imported$/);
    const n = Number(/after line (\d+)/.exec(report.fatalError!)![1]);
    expect(report.inserted + report.errorCount).toBe(n);
  });

  it("detects gzip by its magic bytes, whatever the name", async () => {
    const file = tmp("really-gzip.jsonl");
    fs.writeFileSync(file, zlib.gzipSync(jsonl(pythonRows(4))));
    expect(await importFile({ dataset: "gz-magic", filePath: file }, ctx())).toMatchObject({ status: "completed", format: "jsonl.gz", inserted: 4 });
  });

  it("a file named .parquet that is not Parquet", async () => {
    const file = tmp("fake.parquet");
    fs.writeFileSync(file, jsonl(pythonRows(3)));
    const report = await importFile({ dataset: "fake-parquet", filePath: file }, ctx());
    expect(report).toMatchObject({ status: "failed", fatalError: "not a Parquet file: fake.parquet does not start with the PAR1 magic bytes", records: 0 });
    expect(await datasetSnippets("fake-parquet")).toEqual([]);
  });

  it("a Parquet file with an unreadable footer", async () => {
    const file = tmp("broken-footer.parquet");
    fs.writeFileSync(file, Buffer.concat([Buffer.from("PAR1"), Buffer.alloc(100, 7), Buffer.from([50, 0, 0, 0]), Buffer.from("PAR1")]));
    const report = await importFile({ dataset: "broken-footer", filePath: file }, ctx());
    expect(report.status).toBe("failed");
    expect(report.fatalError).toMatch(/^unreadable Parquet footer: /);
  });
});
