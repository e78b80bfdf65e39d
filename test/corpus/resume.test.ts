import fs from "node:fs";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { ImportInterruptedError } from "@/lib/corpus/import-errors";
import { importFile } from "@/lib/corpus/import-file";
import { runImport } from "@/lib/corpus/run-import";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "../helpers/db";
import { abortAfterFirstBatch, ctx, pythonRows, useTempDir } from "./helpers";

useTestDatabase();
const tmp = useTempDir();

// 60 rows with labels, two bad lines, blank lines and in-file duplicates, so every counter is exercised.
function mixedFile(name: string, gzip = false) {
  const rows = pythonRows(50, { labelEvery: 5 });
  const lines = [
    ...rows.slice(0, 20).map((r) => JSON.stringify(r)),
    "",
    "{not json",
    ...rows.slice(20).map((r) => JSON.stringify(r)),
    JSON.stringify({ content: "x", llm_score: 11 }),
    ...rows.slice(0, 8).map((r) => JSON.stringify(r)),
    "",
  ];
  const file = tmp(name);
  const text = lines.join("\n") + "\n";
  fs.writeFileSync(file, gzip ? zlib.gzipSync(text) : text);
  return file;
}
const expected = { status: "completed", records: 60, inserted: 50, duplicates: 8, llmLabels: 10, errorCount: 2 };

describe("resuming an interrupted import", () => {
  for (const gzip of [false, true]) {
    it(`continues from the last committed line with exact counts (${gzip ? "jsonl.gz" : "jsonl"})`, async () => {
      const file = mixedFile(`mixed.jsonl${gzip ? ".gz" : ""}`, gzip);
      const dataset = `resume-${gzip}`;
      const oneShot = await importFile({ dataset: `${dataset}-oneshot`, filePath: file, batchSize: 7 }, ctx());
      expect(oneShot).toMatchObject(expected);

      const stopped = await importFile({ dataset, filePath: file, batchSize: 7 }, abortAfterFirstBatch()).catch((e) => e);
      expect(stopped).toBeInstanceOf(ImportInterruptedError);
      const partial = (stopped as ImportInterruptedError).report;
      expect(partial).toMatchObject({ status: "running", records: 7, inserted: 7 });
      const run = await db().importRun.findUniqueOrThrow({ where: { id: partial.importId } });
      expect(run).toMatchObject({ status: "running", linesDone: 7, inserted: 7 });

      const resumed = await importFile({ dataset, filePath: file, batchSize: 7 }, ctx());
      expect(resumed.importId).toBe(partial.importId);
      expect(resumed.resumedFromLine).toBe(8);
      const { importId, seconds, resumedFromLine, dataset: d1, ...counts } = resumed;
      const { importId: _i, seconds: _s, dataset: d2, ...oneShotCounts } = oneShot;
      expect(counts).toEqual(oneShotCounts);
      expect(await db().snippet.count({ where: { dataset: { name: dataset } } })).toBe(50);
      expect((await db().dataset.findUniqueOrThrow({ where: { name: dataset } })).snippetCount).toBe(50);
      expect(await db().importRun.count({ where: { dataset: { name: dataset } } })).toBe(1);
    });
  }

  it("survives several interruptions in a row", async () => {
    const file = mixedFile("many-stops.jsonl");
    let report;
    for (let attempt = 1; ; attempt++) {
      expect(attempt).toBeLessThan(20);
      try {
        report = await importFile({ dataset: "many-stops", filePath: file, batchSize: 5 }, abortAfterFirstBatch());
        break;
      } catch (e) {
        expect(e).toBeInstanceOf(ImportInterruptedError);
      }
    }
    expect(report).toMatchObject(expected);
  });

  it("runImport on a completed run changes nothing (a job that runs twice)", async () => {
    const file = mixedFile("twice.jsonl");
    const done = await importFile({ dataset: "twice", filePath: file }, ctx());
    const again = await runImport(done.importId, ctx());
    expect(again).toMatchObject({ ...expected, importId: done.importId });
    expect(await db().snippet.count({ where: { dataset: { name: "twice" } } })).toBe(50);
  });

  it("runImport runs a queued ImportRun created elsewhere (the upload path)", async () => {
    const file = mixedFile("upload.jsonl");
    const dataset = await db().dataset.create({ data: { name: "uploads" } });
    const run = await db().importRun.create({
      data: { datasetId: dataset.id, fileName: "upload.jsonl", filePath: file, fileKey: "from-the-web", format: "jsonl", status: "queued" },
    });
    const report = await runImport(run.id, ctx());
    expect(report).toMatchObject({ ...expected, importId: run.id, dataset: "uploads" });
    // The row's key is replaced by ours, so a later resume of this run checks the file the same way.
    const { computeFileKey } = await import("@/lib/corpus/compute-file-key");
    expect((await db().importRun.findUniqueOrThrow({ where: { id: run.id } })).fileKey).toBe(await computeFileKey(file));
  });

  it("refuses to resume when the file changed since the import started", async () => {
    const file = mixedFile("changing.jsonl");
    const stopped = await importFile({ dataset: "changing", filePath: file, batchSize: 7 }, abortAfterFirstBatch()).catch((e) => e);
    const id = (stopped as ImportInterruptedError).report.importId;
    fs.appendFileSync(file, JSON.stringify({ content: "appended = 1\n" }) + "\n");
    const report = await runImport(id, ctx());
    expect(report).toMatchObject({ status: "failed", records: 7 });
    expect(report.fatalError).toMatch(/changed since this import started/);
  });
});
