import { describe, expect, it } from "vitest";
import { hashContent } from "@/lib/corpus/hash-content";
import { useTestDatabase } from "@/test/helpers/db";
import { ImportRunConflictError, insertSnippetBatch, type LlmLabelInput, type SnippetInput } from "./bulk";
import { db } from "./client";

useTestDatabase();

function snippet(content: string, llm?: Partial<LlmLabelInput> & { score: number }): SnippetInput {
  return {
    contentHash: hashContent(content),
    content,
    language: "python",
    source: "org/repo",
    path: "a.py",
    license: "MIT",
    externalId: null,
    sizeBytes: Buffer.byteLength(content),
    lineCount: 1,
    meta: '{"k":1}',
    llm: llm ? { rationale: "", model: "m", promptVersion: "v1", ...llm } : null,
  };
}

async function newDataset(name: string) {
  return (await db().dataset.create({ data: { name } })).id;
}

describe("insertSnippetBatch", () => {
  it("inserts snippets and labels, skips repeats in the batch and in the dataset, bumps snippetCount", async () => {
    const id = await newDataset("bulk-a");
    const first = await insertSnippetBatch(id, [snippet("a = 1", { score: 3, rationale: "ok", isExample: true }), snippet("b = 2"), snippet("a = 1"), snippet("ünïcode = 'ß'")]);
    expect(first).toEqual({ inserted: 3, duplicates: 1, llmLabels: 1 });
    const second = await insertSnippetBatch(id, [snippet("b = 2"), snippet("c = 3", { score: 0 })]);
    expect(second).toEqual({ inserted: 1, duplicates: 1, llmLabels: 1 });

    const rows = await db().snippet.findMany({ where: { datasetId: id }, orderBy: { id: "asc" }, include: { llmLabels: true } });
    expect(rows.map((r) => [r.content, r.llmScore, r.llmLabels.length])).toEqual([
      ["a = 1", 3, 1],
      ["b = 2", null, 0],
      ["ünïcode = 'ß'", null, 0],
      ["c = 3", 0, 1],
    ]);
    // Read back through Prisma: timestamps and booleans written by the raw driver parse correctly.
    expect(rows[0].createdAt).toBeInstanceOf(Date);
    expect(Math.abs(rows[0].createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(rows[0].llmLabels[0]).toMatchObject({ score: 3, rationale: "ok", model: "m", promptVersion: "v1", origin: "import", isExample: true });
    expect(Math.abs(rows[0].llmLabels[0].createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(rows[2].sizeBytes).toBe(Buffer.byteLength("ünïcode = 'ß'"));
    const dataset = await db().dataset.findUniqueOrThrow({ where: { id } });
    expect(dataset.snippetCount).toBe(4);
    expect(Math.abs(dataset.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("attaches a duplicate's label only when none exists for that model and prompt version", async () => {
    const id = await newDataset("bulk-b");
    await insertSnippetBatch(id, [snippet("x = 1"), snippet("y = 2", { score: 1 })]);
    const r = await insertSnippetBatch(id, [
      snippet("x = 1", { score: 4 }), // new label on an unlabelled snippet
      snippet("y = 2", { score: 5 }), // same model/prompt: kept as is
      snippet("y = 2", { score: 2, promptVersion: "v2" }), // another prompt version: added, becomes latest
      snippet("z = 3"),
      snippet("z = 3", { score: 3 }), // repeat inside the batch carrying the label
    ]);
    expect(r).toEqual({ inserted: 1, duplicates: 4, llmLabels: 3 });
    const rows = await db().snippet.findMany({ where: { datasetId: id }, orderBy: { id: "asc" }, include: { llmLabels: { orderBy: { id: "asc" } } } });
    expect(rows.map((s) => [s.content, s.llmScore, s.llmLabels.map((l) => `${l.promptVersion}:${l.score}`)])).toEqual([
      ["x = 1", 4, ["v1:4"]],
      ["y = 2", 2, ["v1:1", "v2:2"]],
      ["z = 3", 3, ["v1:3"]],
    ]);
  });

  it("commits the import checkpoint with the batch, fenced on linesDone", async () => {
    const id = await newDataset("bulk-c");
    const run = await db().importRun.create({ data: { datasetId: id, fileName: "f", filePath: "/f", fileKey: "k", format: "jsonl" } });
    const cp = (expectedLinesDone: number, linesDone: number) => ({ importRunId: run.id, expectedLinesDone, linesDone, errorCount: 1, errorsJson: '[{"line":2,"reason":"r"}]' });

    await insertSnippetBatch(id, [snippet("p = 1"), snippet("p = 1", { score: 2 })], { importId: run.id, checkpoint: cp(0, 3) });
    expect(await db().importRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      linesDone: 3, inserted: 1, duplicates: 1, llmLabels: 1, errorCount: 1, errors: '[{"line":2,"reason":"r"}]',
    });
    expect((await db().snippet.findFirstOrThrow({ where: { datasetId: id } })).importId).toBe(run.id);

    // A second process that still believes linesDone is 0 must not count lines 1–3 again: all rolled back.
    await expect(insertSnippetBatch(id, [snippet("q = 2", { score: 1 })], { importId: run.id, checkpoint: cp(0, 3) })).rejects.toBeInstanceOf(ImportRunConflictError);
    expect(await db().snippet.count({ where: { datasetId: id } })).toBe(1);
    expect(await db().llmLabel.count({ where: { snippet: { datasetId: id } } })).toBe(1);
    expect((await db().dataset.findUniqueOrThrow({ where: { id } })).snippetCount).toBe(1);
    expect(await db().importRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ linesDone: 3, inserted: 1, errorCount: 1 });

    // An errors-only batch still advances the checkpoint; errors JSON untouched when not given.
    await insertSnippetBatch(id, [], { checkpoint: { importRunId: run.id, expectedLinesDone: 3, linesDone: 5, errorCount: 2 } });
    expect(await db().importRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ linesDone: 5, errorCount: 3, errors: '[{"line":2,"reason":"r"}]' });
  });

  it("inserts a large batch in one go", async () => {
    const id = await newDataset("bulk-d");
    const rows = Array.from({ length: 5000 }, (_, i) => snippet(`v_${i} = ${i}\n`, i % 10 === 0 ? { score: i % 6 } : undefined));
    expect(await insertSnippetBatch(id, rows)).toEqual({ inserted: 5000, duplicates: 0, llmLabels: 500 });
    expect(await db().snippet.count({ where: { datasetId: id, llmScore: { not: null } } })).toBe(500);
  });
});
