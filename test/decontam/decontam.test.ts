import fs from "node:fs";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { dialect, db } from "@/lib/db/client";
import { cancelDecontamRun } from "@/lib/decontam/cancel-decontam-run";
import { contaminationExcludedSql } from "@/lib/decontam/contamination-sql";
import { createDecontamRun } from "@/lib/decontam/create-decontam-run";
import { deleteBenchmark } from "@/lib/decontam/delete-benchmark";
import { getDecontamRun } from "@/lib/decontam/get-decontam-run";
import { getSnippetContamination } from "@/lib/decontam/get-snippet-contamination";
import { importBenchmark } from "@/lib/decontam/import-benchmark";
import { listBenchmarks } from "@/lib/decontam/list-benchmarks";
import { listFlaggedSnippets } from "@/lib/decontam/list-flagged-snippets";
import { removeContamOverride } from "@/lib/decontam/remove-contam-override";
import { runDecontam } from "@/lib/decontam/run-decontam";
import { setContamOverride } from "@/lib/decontam/set-contam-override";
import { plainContext } from "@/lib/context";
import { HttpError } from "@/lib/http/errors";
import { raw, sql } from "@/lib/snippets/sql";
import { jobRegistry } from "@/workers/registry";
import { useTestDatabase } from "../helpers/db";
import {
  addSnippet,
  addSyntheticItem,
  checkNow,
  createDataset,
  EXERCISES,
  HUMAN_EVAL,
  readJsonl,
  tempFile,
  TEXTBOOKS,
  type SharedExercise,
  type SharedTextbook,
} from "./fixtures";

useTestDatabase();

const excludedIds = async (datasetId: number) =>
  (await db().$queryRaw<{ id: number }[]>(sql`SELECT s.id FROM snippet s WHERE s."datasetId" = ${datasetId} AND ${raw(contaminationExcludedSql("s", dialect()))} ORDER BY s.id`)).map((r) => Number(r.id));
const flaggedIds = async (datasetId: number) =>
  (await db().snippet.findMany({ where: { datasetId, contaminated: true }, select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);

describe("benchmark import", () => {
  it("reports malformed lines with their line numbers and imports the rest", async () => {
    const lines = [
      JSON.stringify({ task_id: "X/0", prompt: "def a():\n", canonical_solution: "    return 1\n", test: "assert a() == 1", entry_point: "a" }),
      "{not json",
      "",
      JSON.stringify([1, 2]),
      JSON.stringify({ task_id: "X/3", prompt: 42 }),
      JSON.stringify({ task_id: "X/4", entry_point: "f" }),
      JSON.stringify({ task_id: "X/0", prompt: "duplicate" }),
      JSON.stringify({ task_id: 7, text: "Write a function to add two numbers.", code: "def add(a, b):\n    return a + b", test_list: ["assert add(1, 2) == 3", "assert add(0, 0) == 0"], test_setup_code: "" }),
      JSON.stringify({ question: "A generic row without an id", answer: "42" }),
    ];
    const report = await importBenchmark({ filePath: tempFile("mixed.jsonl", lines.join("\n") + "\n") });
    expect(report.benchmark).toMatchObject({ name: "mixed", fileName: "mixed.jsonl", itemCount: 3 });
    expect(report).toMatchObject({ format: "jsonl", lines: 9, inserted: 3, errorCount: 5 });
    expect(report.errors.map((e) => e.line)).toEqual([2, 4, 5, 6, 7]);
    expect(report.errors[0].reason).toMatch(/invalid JSON/);
    expect(report.errors[1].reason).toMatch(/not a JSON object \(got array\)/);
    expect(report.errors[2].reason).toMatch(/"prompt" must be a string or an array of strings \(got number\)/);
    expect(report.errors[3].reason).toMatch(/no prompt or solution/);
    expect(report.errors[4].reason).toMatch(/duplicate task id "X\/0" \(first on line 1\)/);
    const items = await db().benchmarkItem.findMany({ where: { benchmarkId: report.benchmark.id }, orderBy: { id: "asc" } });
    expect(items.map((i) => i.taskId)).toEqual(["X/0", "7", "line-9"]);
    expect(items[0]).toMatchObject({ prompt: "def a():\n", solution: "    return 1\n", tests: "assert a() == 1", entryPoint: "a" });
    expect(items[1]).toMatchObject({ prompt: "Write a function to add two numbers.", solution: "def add(a, b):\n    return a + b", tests: "assert add(1, 2) == 3\nassert add(0, 0) == 0" });
  });

  it("detects gzip by its magic bytes, refuses empty, binary and item-less files with clear messages", async () => {
    const gz = zlib.gzipSync(JSON.stringify({ task_id: "G/1", prompt: "Return the sum of a list of numbers, or zero for an empty list." }) + "\n");
    const report = await importBenchmark({ filePath: tempFile("packed.dat", gz), name: "gz-bench" });
    expect(report).toMatchObject({ format: "jsonl.gz", inserted: 1, benchmark: { name: "gz-bench", itemCount: 1 } });
    await expect(importBenchmark({ filePath: tempFile("empty.jsonl", "") })).rejects.toThrow(/empty/);
    await expect(importBenchmark({ filePath: tempFile("bin.jsonl", Buffer.from([0, 1, 2, 3, 0, 0])) })).rejects.toThrow(/binary/);
    await expect(importBenchmark({ filePath: tempFile("bad.jsonl", "{}\n[]\n") })).rejects.toThrow(/no valid benchmark item \(2 malformed lines; line 1: no prompt or solution/);
    await expect(importBenchmark({ filePath: tempFile("x.jsonl", '{"prompt":"p"}'), name: "bad/name" })).rejects.toThrow(/benchmark names use/);
    await expect(importBenchmark({ filePath: tempFile("trunc.jsonl.gz", gz.subarray(0, gz.length - 6)) })).rejects.toThrow(/gzip/);
  });

  it("re-importing the same name replaces its items idempotently, keyed by task id", async () => {
    const v1 = ["A", "B", "C"].map((t) => JSON.stringify({ task_id: t, prompt: `prompt of ${t}`, canonical_solution: `solution of ${t}` })).join("\n");
    const first = await importBenchmark({ filePath: tempFile("re.jsonl", v1) });
    expect(first).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, removed: 0 });
    const ids = await db().benchmarkItem.findMany({ where: { benchmarkId: first.benchmark.id }, orderBy: { taskId: "asc" } });
    const again = await importBenchmark({ filePath: tempFile("re.jsonl", v1) });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, removed: 0, benchmark: { id: first.benchmark.id, itemCount: 3 } });
    const v2 = [JSON.stringify({ task_id: "A", prompt: "prompt of A", canonical_solution: "solution of A" }), JSON.stringify({ task_id: "B", prompt: "changed B" }), JSON.stringify({ task_id: "D", prompt: "new D" })].join("\n");
    const second = await importBenchmark({ filePath: tempFile("re.jsonl", v2) });
    expect(second).toMatchObject({ inserted: 1, updated: 1, unchanged: 1, removed: 1, benchmark: { itemCount: 3 } });
    const after = await db().benchmarkItem.findMany({ where: { benchmarkId: first.benchmark.id }, orderBy: { taskId: "asc" } });
    expect(after.map((i) => i.taskId)).toEqual(["A", "B", "D"]);
    expect(after[0].id).toBe(ids[0].id);
    expect(after[1]).toMatchObject({ id: ids[1].id, prompt: "changed B", solution: "" });
    expect((await listBenchmarks()).find((b) => b.name === "re")).toMatchObject({ itemCount: 3, flaggedSnippets: 0 });
  });
});

const sharedPresent = fs.existsSync(HUMAN_EVAL) && fs.existsSync(EXERCISES) && fs.existsSync(TEXTBOOKS);
if (!sharedPresent) console.log(`skipping the HumanEval decontamination tests: ${HUMAN_EVAL} or the shared synthetic set is absent`);

describe.skipIf(!sharedPresent)("HumanEval against the shared synthetic set", () => {
  let datasetId: number;
  let humanEvalId: number;
  let pastedId: number;
  const ids: number[] = [];
  const K = 0;

  beforeAll(async () => {
    const report = await importBenchmark({ filePath: HUMAN_EVAL, name: "humaneval" });
    expect(report).toMatchObject({ inserted: 164, errorCount: 0, format: "jsonl.gz", benchmark: { itemCount: 164 } });
    humanEvalId = report.benchmark.id;
    const humanEval = zlib.gunzipSync(fs.readFileSync(HUMAN_EVAL)).toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as { task_id: string; prompt: string });
    const pasted = humanEval.find((h) => h.task_id === `HumanEval/${K}`)!;
    datasetId = await createDataset("synthetic-shared", "exercise");
    const exercises = readJsonl<SharedExercise>(EXERCISES);
    const textbooks = readJsonl<SharedTextbook>(TEXTBOOKS);
    expect([exercises.length, textbooks.length]).toEqual([80, 30]);
    for (const [i, e] of exercises.entries()) {
      // One exercise carries HumanEval/K's prompt pasted after its own prompt.
      const prompt = i === 17 ? `${e.prompt}\n${pasted.prompt}` : e.prompt;
      const id = await addSyntheticItem(datasetId, "exercise", { prompt, solution: e.solution, tests: e.tests, topic: e.topic, functionName: e.function_name }, e.id);
      if (i === 17) pastedId = id;
      ids.push(id);
    }
    for (const t of textbooks) ids.push(await addSyntheticItem(datasetId, "textbook", { title: t.title, text: t.text, topic: t.topic }, t.id));
  });

  it("flags the exercise with the pasted prompt with exactly the right task id, and nothing of the clean set", async () => {
    const { runId, result } = await checkNow({ datasetId });
    expect(result).toMatchObject({ status: "succeeded", total: 110, flagged: 1, matches: 1 });
    expect(await flaggedIds(datasetId)).toEqual([pastedId]);
    const run = await getDecontamRun({ runId });
    expect(run).toMatchObject({ status: "succeeded", total: 110, done: 110, flagged: 1, ngram: 13, minShared: 1, benchmarks: [] });
    expect(run.benchmarksMatched).toEqual([{ benchmarkId: humanEvalId, name: "humaneval", snippets: 1, items: 1, matches: 1, byMethod: { ngram: 1, substring: 0 }, topItems: [{ taskId: `HumanEval/${K}`, snippets: 1 }] }]);

    const flagged = await listFlaggedSnippets({ datasetId });
    expect(flagged.total).toBe(1);
    expect(flagged.items).toHaveLength(1);
    expect(flagged.items[0]).toMatchObject({ snippetId: pastedId, datasetName: "synthetic-shared", override: null });
    expect(flagged.items[0].matches.map((m) => m.taskId)).toEqual([`HumanEval/${K}`]);
    expect(flagged.items[0].matches[0]).toMatchObject({ method: "ngram", benchmark: "humaneval" });
    expect(flagged.items[0].matches[0].overlap).toBeGreaterThan(0.3);

    const detail = await getSnippetContamination({ snippetId: pastedId });
    expect(detail.excluded).toBe(true);
    expect(detail.matches).toHaveLength(1);
    const m = detail.matches[0];
    expect(m.item.taskId).toBe(`HumanEval/${K}`);
    // The highlighted span of the snippet is the pasted prompt; on the benchmark side, the whole prompt.
    expect(m.highlights.snippet).toHaveLength(1);
    const [s0, s1] = m.highlights.snippet[0];
    expect(detail.snippet.content.slice(s0, s1)).toContain("has_close_elements(numbers: List[float], threshold: float)");
    expect(m.evidence).toContain("Check if in given list of numbers");
    expect(m.highlights.prompt).toHaveLength(1);
    expect(m.highlights.prompt[0][0]).toBe(0);
    // Pasted whole: the normalized prompt is also found as a substring, so all of it is highlighted.
    expect(m.highlights.prompt[0][1]).toBe(m.item.prompt.trimEnd().length);
    expect(m.highlights.solution).toEqual([]);
  });

  it("re-running the same run replaces its matches; a new run supersedes the old one's; fixing the snippet clears its flag", async () => {
    const { runId } = await checkNow({ datasetId });
    const before = await db().decontamMatch.findMany({ where: { runId } });
    // The job runs again (a retry): same matches, no duplicates.
    await db().decontamRun.update({ where: { id: runId }, data: { status: "running" } });
    const job = await db().job.findUniqueOrThrow({ where: { id: (await db().decontamRun.findUniqueOrThrow({ where: { id: runId } })).jobId! } });
    const again = await runDecontam(JSON.parse(job.payload), plainContext());
    expect(again).toMatchObject({ status: "succeeded", flagged: 1, matches: 1 });
    const after = await db().decontamMatch.findMany({ where: { runId } });
    expect(after.map((m) => [m.snippetId, m.benchmarkItemId, m.shared])).toEqual(before.map((m) => [m.snippetId, m.benchmarkItemId, m.shared]));
    // Only the newest run's matches are current: one row in all for the pasted snippet.
    expect(await db().decontamMatch.count({ where: { snippetId: pastedId } })).toBe(1);
    expect((await listFlaggedSnippets({ datasetId })).total).toBe(1);

    const original = readJsonl<SharedExercise>(EXERCISES)[17];
    const content = `${original.prompt}${original.solution}`;
    await db().snippet.update({ where: { id: pastedId }, data: { content } });
    const fixed = await checkNow({ datasetId });
    expect(fixed.result).toMatchObject({ status: "succeeded", flagged: 0 });
    expect(await flaggedIds(datasetId)).toEqual([]);
    expect(await db().decontamMatch.count({ where: { snippetId: pastedId } })).toBe(0);
    expect((await listFlaggedSnippets({ datasetId })).total).toBe(0);

    // Paste it back for the tests below.
    await db().snippet.update({ where: { id: pastedId }, data: { content: `${content}\n${(await db().benchmarkItem.findFirstOrThrow({ where: { taskId: `HumanEval/${K}` } })).prompt}` } });
    expect((await checkNow({ datasetId })).result.flagged).toBe(1);
  });

  it("an override keeps a flagged snippet out of the contamination predicate, and removing it puts it back", async () => {
    expect(await excludedIds(datasetId)).toEqual([pastedId]);
    await expect(setContamOverride({ snippetId: pastedId, note: "   " }, "user-1")).rejects.toThrow(/needs a note/);
    await expect(setContamOverride({ snippetId: ids[0], note: "fine" }, "user-1")).rejects.toThrow(/not flagged/);
    const o = await setContamOverride({ snippetId: pastedId, note: "the docstring is a common idiom" }, "user-1");
    expect(o).toMatchObject({ snippetId: pastedId, note: "the docstring is a common idiom" });
    expect(await excludedIds(datasetId)).toEqual([]);
    expect(await flaggedIds(datasetId)).toEqual([pastedId]);
    expect((await getSnippetContamination({ snippetId: pastedId })).excluded).toBe(false);
    expect((await listFlaggedSnippets({ datasetId, override: "overridden" })).total).toBe(1);
    expect((await listFlaggedSnippets({ datasetId, override: "excluded" })).total).toBe(0);
    // A new run keeps the override.
    await checkNow({ datasetId });
    expect(await excludedIds(datasetId)).toEqual([]);
    await removeContamOverride({ snippetId: pastedId });
    await expect(removeContamOverride({ snippetId: pastedId })).rejects.toThrow(/has no override/);
    expect(await excludedIds(datasetId)).toEqual([pastedId]);
  });

  it("checks against chosen benchmarks only, and a run against another benchmark does not unflag", async () => {
    const other = await importBenchmark({ filePath: tempFile("other.jsonl", JSON.stringify({ task_id: "O/1", prompt: "a completely unrelated prompt about nothing in particular at all, long enough" })), name: "other" });
    const { result } = await checkNow({ datasetId, benchmarkIds: [other.benchmark.id] });
    expect(result).toMatchObject({ status: "succeeded", flagged: 0 });
    expect(await flaggedIds(datasetId)).toEqual([pastedId]);
    await expect(createDecontamRun({ datasetId, benchmarkIds: [999_999] }, null, jobRegistry)).rejects.toThrow(/no benchmark with id 999999/);
    await expect(createDecontamRun({ datasetId: 999_999 }, null, jobRegistry)).rejects.toThrow(/no dataset with id 999999/);
    await expect(createDecontamRun({ datasetId, ngram: 2 }, null, jobRegistry)).rejects.toThrow(/ngram must be 3–50/);
  });

  it("cancels a queued run at once", async () => {
    const { run } = await createDecontamRun({ datasetId }, null, jobRegistry);
    const cancelled = await cancelDecontamRun({ runId: run.id });
    expect(cancelled.status).toBe("cancelled");
    expect((await db().job.findUniqueOrThrow({ where: { id: run.jobId! } })).status).toBe("cancelled");
    await expect(cancelDecontamRun({ runId: run.id })).rejects.toThrow(/already cancelled/);
    const result = await runDecontam({ runId: run.id }, plainContext());
    expect(result.status).toBe("cancelled");
  });

  it("deleting the benchmark removes its matches and clears the flags", async () => {
    const deleted = await deleteBenchmark({ benchmarkId: humanEvalId });
    expect(deleted).toMatchObject({ name: "humaneval", items: 164, unflaggedSnippets: 1 });
    expect(await flaggedIds(datasetId)).toEqual([]);
    expect(await excludedIds(datasetId)).toEqual([]);
    await expect(deleteBenchmark({ benchmarkId: humanEvalId })).rejects.toBeInstanceOf(HttpError);
  });
});

describe("substring-only matches and scope", () => {
  it("finds a short benchmark prompt (fewer words than the n-gram) inside a snippet, in its dataset only", async () => {
    const prompt = "Write a python function to check whether the given number is even."; // 12 words < 13
    const report = await importBenchmark({ filePath: tempFile("tiny.jsonl", JSON.stringify({ task_id: "tiny/1", text: prompt, code: "def is_even(n):\n    return n % 2 == 0" })) });
    const a = await createDataset("substring-a");
    const b = await createDataset("substring-b");
    const hit = await addSnippet(a, `def check(n):\n    """WRITE a Python function to check whether\n    the given number is EVEN."""\n    return n & 1 == 0\n`);
    await addSnippet(a, `def check(n):\n    """Write a python function to check whether the given number is odd."""\n    return n & 1\n`);
    const elsewhere = await addSnippet(b, `# ${prompt}\n`);
    const { runId, result } = await checkNow({ datasetId: a, benchmarkIds: [report.benchmark.id] });
    expect(result).toMatchObject({ status: "succeeded", total: 2, flagged: 1 });
    const [m] = await db().decontamMatch.findMany({ where: { runId } });
    expect(m).toMatchObject({ snippetId: hit, method: "substring", shared: prompt.length });
    expect(m.evidence).toBe("WRITE a Python function to check whether\n    the given number is EVEN.");
    expect(await flaggedIds(a)).toEqual([hit]);
    expect(await flaggedIds(b)).toEqual([]);
    // Every dataset: the other one's snippet is found too.
    const all = await checkNow({ benchmarkIds: [report.benchmark.id] });
    expect(all.result.flagged).toBe(2);
    expect(await flaggedIds(b)).toEqual([elsewhere]);
    const detail = await getSnippetContamination({ snippetId: elsewhere });
    expect(detail.matches[0]).toMatchObject({ method: "substring", highlights: { snippet: [[2, 2 + prompt.length]], prompt: [[0, prompt.length]] } });
  });
});
