import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { importFile } from "@/lib/corpus/import-file";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "../helpers/db";
import { ctx, datasetSnippets, jsonl, pythonRows, useTempDir } from "./helpers";

useTestDatabase();
const tmp = useTempDir();

describe("exact duplicates", () => {
  it("counts repeats within a file (across batches) and skips them", async () => {
    const rows = pythonRows(30);
    // Rows 31–40 repeat rows 1–10 byte for byte; row 41 differs from row 1 only by a trailing space.
    const file = tmp("repeats.jsonl");
    fs.writeFileSync(file, jsonl([...rows, ...rows.slice(0, 10), { ...rows[0], content: rows[0].content + " " }]));
    const report = await importFile({ dataset: "repeats", filePath: file, batchSize: 8 }, ctx());
    expect(report).toMatchObject({ records: 41, inserted: 31, duplicates: 10, errorCount: 0 });
    expect((await db().dataset.findUniqueOrThrow({ where: { name: "repeats" } })).snippetCount).toBe(31);
  });

  it("re-importing the same file adds nothing", async () => {
    const file = tmp("same.jsonl");
    fs.writeFileSync(file, jsonl([...pythonRows(25, { labelEvery: 4 }), { content: 1 }]));
    const first = await importFile({ dataset: "same", filePath: file, batchSize: 10 }, ctx());
    expect(first).toMatchObject({ status: "completed", records: 26, inserted: 25, duplicates: 0, llmLabels: 7, errorCount: 1 });

    const second = await importFile({ dataset: "same", filePath: file, batchSize: 10 }, ctx());
    expect(second.importId).not.toBe(first.importId);
    expect(second.resumedFromLine).toBeUndefined();
    expect(second).toMatchObject({ status: "completed", records: 26, inserted: 0, duplicates: 25, llmLabels: 0, errorCount: 1 });
    expect(await db().snippet.count({ where: { dataset: { name: "same" } } })).toBe(25);
    expect(await db().llmLabel.count({ where: { snippet: { dataset: { name: "same" } } } })).toBe(7);
    expect((await db().dataset.findUniqueOrThrow({ where: { name: "same" } })).snippetCount).toBe(25);
  });

  it("the same content in another dataset is not a duplicate", async () => {
    const file = tmp("other.jsonl");
    fs.writeFileSync(file, jsonl(pythonRows(5)));
    await importFile({ dataset: "first", filePath: file }, ctx());
    expect(await importFile({ dataset: "second", filePath: file }, ctx())).toMatchObject({ inserted: 5, duplicates: 0 });
  });

  it("attaches a label carried by a duplicate when the snippet has none for that model and prompt", async () => {
    const plain = tmp("unlabelled.jsonl");
    fs.writeFileSync(plain, jsonl(pythonRows(6)));
    await importFile({ dataset: "late-labels", filePath: plain }, ctx());

    // The same contents, now with labels from an annotator run; one of them twice with another score.
    const rows = pythonRows(6).map((r, i) => ({ ...r, llm_score: i % 6, llm_model: "m", prompt_version: "v1" }));
    const labelled = tmp("labelled.jsonl");
    fs.writeFileSync(labelled, jsonl([...rows, { ...rows[2], llm_score: 5 }]));
    const report = await importFile({ dataset: "late-labels", filePath: labelled }, ctx());
    expect(report).toMatchObject({ records: 7, inserted: 0, duplicates: 7, llmLabels: 6 });
    // First label wins; an existing label is never overwritten.
    expect((await datasetSnippets("late-labels")).map((s) => s.llmScore)).toEqual([0, 1, 2, 3, 4, 5]);

    // A label from another prompt version is a new label, and becomes the latest (llmScore follows it).
    const v2 = tmp("labelled-v2.jsonl");
    fs.writeFileSync(v2, jsonl([{ ...rows[0], llm_score: 4, prompt_version: "v2" }]));
    expect(await importFile({ dataset: "late-labels", filePath: v2 }, ctx())).toMatchObject({ duplicates: 1, llmLabels: 1 });
    expect((await datasetSnippets("late-labels"))[0].llmScore).toBe(4);

    // Importing the labelled file again changes nothing.
    expect(await importFile({ dataset: "late-labels", filePath: labelled }, ctx())).toMatchObject({ inserted: 0, duplicates: 7, llmLabels: 0 });
    expect(await db().llmLabel.count({ where: { snippet: { dataset: { name: "late-labels" } } } })).toBe(7);
  });
});
