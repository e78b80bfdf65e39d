import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as uploadRoute } from "@/app/api/synthetic/campaigns/[id]/import/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";
import { run as importCli } from "@/lib/cli/commands/import";
import { plainContext } from "@/lib/context";
import { importFile, ImportOptionsError } from "@/lib/corpus/import-file";
import { runImport } from "@/lib/corpus/run-import";
import { db } from "@/lib/db/client";
import { composeContent, composeExerciseProgram } from "@/lib/synthetic/compose-content";
import { getGridCoverage } from "@/lib/synthetic/grid-coverage";
import { listCampaignImports } from "@/lib/synthetic/list-campaign-imports";
import { bearer, params } from "../browse/fixtures";
import { abortAfterFirstBatch, jsonl, projectRoot, useTempDir } from "../corpus/helpers";
import { useTestDatabase } from "../helpers/db";

useTestDatabase();
const tmp = useTempDir();
const shared = path.resolve(projectRoot, "../shared/data/synthetic");
const present = fs.existsSync(path.join(shared, "textbooks.jsonl")) && fs.existsSync(path.join(shared, "exercises.jsonl"));
const readJsonl = (file: string) =>
  fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, string>);

describe.skipIf(!present)("the shared synthetic set", () => {
  it("imports 30 textbook sections and 80 exercises with their constraints, into one import campaign each", async () => {
    const tb = await importFile({ dataset: "shared-synthetic", filePath: path.join(shared, "textbooks.jsonl"), kind: "textbook" }, plainContext());
    expect(tb).toMatchObject({ status: "completed", records: 30, inserted: 30, duplicates: 0, errorCount: 0 });
    const ex = await importFile({ dataset: "shared-synthetic", filePath: path.join(shared, "exercises.jsonl"), kind: "exercise" }, plainContext());
    expect(ex).toMatchObject({ status: "completed", records: 80, inserted: 80, duplicates: 0, errorCount: 0 });
    expect(ex.campaignId).not.toBe(tb.campaignId);

    const dataset = await db().dataset.findUniqueOrThrow({ where: { name: "shared-synthetic" } });
    expect(dataset).toMatchObject({ kind: "textbook", snippetCount: 110 });
    const campaigns = await db().generationCampaign.findMany({ where: { datasetId: dataset.id }, orderBy: { id: "asc" } });
    expect(campaigns.map((c) => ({ source: c.source, kind: c.kind, status: c.status, total: c.total, generated: c.generated, count: c.count }))).toEqual([
      { source: "import", kind: "textbook", status: "succeeded", total: 30, generated: 30, count: 30 },
      { source: "import", kind: "exercise", status: "succeeded", total: 80, generated: 80, count: 80 },
    ]);
    expect(campaigns[0].name).toBe("import: textbooks.jsonl");

    const items = await db().syntheticItem.findMany({ where: { datasetId: dataset.id }, include: { snippet: true } });
    expect(items).toHaveLength(110);
    const byExternal = new Map(items.map((i) => [i.snippet.externalId, i]));
    for (const r of readJsonl(path.join(shared, "textbooks.jsonl"))) {
      const item = byExternal.get(r.id)!;
      expect(item).toMatchObject({ kind: "textbook", topic: r.topic, audience: r.audience, title: r.title, functionName: null, reviewStatus: "pending", campaignId: tb.campaignId });
      expect(item.snippet.content).toBe(composeContent("textbook", { title: r.title, text: r.text }));
      expect(item.snippet.language).toBe("markdown");
    }
    for (const r of readJsonl(path.join(shared, "exercises.jsonl"))) {
      const item = byExternal.get(r.id)!;
      expect(item).toMatchObject({ kind: "exercise", topic: r.topic, functionName: r.function_name, prompt: r.prompt, solution: r.solution, tests: r.tests, campaignId: ex.campaignId });
      expect(composeExerciseProgram(item)).toBe(composeExerciseProgram({ prompt: r.prompt, solution: r.solution, tests: r.tests }));
      expect(item.snippet.language).toBe("python");
    }
    expect(await db().syntheticEdit.count({ where: { snippet: { datasetId: dataset.id }, version: 1 } })).toBe(110);

    // README: 12 topics × 3 audiences, 30 distinct (topic, audience) pairs for the textbooks.
    const coverage = await getGridCoverage({ campaignId: tb.campaignId! });
    expect(coverage.cellsHit).toBe(30);
    expect(new Set(coverage.cells.map((c) => c.topic)).size).toBe(12);

    // Importing the same file again adds nothing (duplicates counted) and resumes nothing.
    const again = await importFile({ dataset: "shared-synthetic", filePath: path.join(shared, "textbooks.jsonl"), kind: "textbook" }, plainContext());
    expect(again).toMatchObject({ status: "completed", inserted: 0, duplicates: 30 });
    expect(await db().syntheticItem.count({ where: { datasetId: dataset.id } })).toBe(110);
  });
});

describe("synthetic JSONL import", () => {
  const textbook = (i: number, extra: object = {}) => ({ id: `tb-${i}`, kind: "textbook", topic: `topic ${i % 3}`, audience: "a nurse", title: `Section ${i}`, text: `Body of section ${i}.\n\n\`\`\`python\nprint(${i})\n\`\`\`\n`, ...extra });
  const exercise = (i: number, extra: object = {}) => ({
    id: `ex-${i}`,
    kind: "exercise",
    topic: "loops",
    function_name: `f_${i}`,
    prompt: `def f_${i}(x: int) -> int:\n    """Return x + ${i}."""\n`,
    solution: `    return x + ${i}\n`,
    tests: `assert f_${i}(1) == ${i + 1}\n`,
    ...extra,
  });

  it("reports malformed lines with their line numbers and imports the rest; a record's kind wins over --kind", async () => {
    const lines = [
      JSON.stringify(textbook(1)),
      "{not json",
      JSON.stringify(exercise(2)),
      JSON.stringify(textbook(3, { text: "" })),
      "",
      JSON.stringify(exercise(4, { solution: undefined })),
      JSON.stringify(textbook(5, { kind: "poem" })),
      JSON.stringify(exercise(6, { tests: 42 })),
      JSON.stringify(textbook(7, { title: null })),
      "[1, 2]",
      JSON.stringify(exercise(8, { function_name: undefined, kind: undefined })),
    ];
    const file = tmp("mixed.jsonl.gz");
    fs.writeFileSync(file, zlib.gzipSync(lines.join("\n") + "\n"));
    const report = await importFile({ dataset: "mixed-synthetic", filePath: file, kind: "exercise", campaign: "hand-written" }, plainContext());
    expect(report).toMatchObject({ status: "completed", format: "jsonl.gz", records: 10, inserted: 4, errorCount: 6 });
    expect(report.errors).toEqual([
      { line: 2, reason: expect.stringMatching(/^invalid JSON/) },
      { line: 4, reason: 'a textbook needs a non-empty "text"' },
      { line: 6, reason: 'an exercise needs a non-empty "solution" field' },
      { line: 7, reason: 'kind must be "textbook" or "exercise" (got "poem")' },
      { line: 8, reason: "tests is not a string (got number)" },
      { line: 10, reason: "not a JSON object (got array)" },
    ]);
    const campaign = await db().generationCampaign.findUniqueOrThrow({ where: { id: report.campaignId! } });
    expect(campaign).toMatchObject({ name: "hand-written", source: "import", kind: "mixed", status: "succeeded", total: 4, generated: 4 });
    const dataset = await db().dataset.findUniqueOrThrow({ where: { name: "mixed-synthetic" } });
    expect(dataset.kind).toBe("exercise");
    const items = await db().syntheticItem.findMany({ where: { datasetId: dataset.id }, orderBy: { snippetId: "asc" }, include: { snippet: { select: { externalId: true, content: true } } } });
    expect(items.map((i) => [i.snippet.externalId, i.kind, i.functionName])).toEqual([
      ["tb-1", "textbook", null],
      ["ex-2", "exercise", "f_2"],
      ["tb-7", "textbook", null],
      // No kind: --kind (exercise); no function_name: read from the def line.
      ["ex-8", "exercise", "f_8"],
    ]);
    expect(items[2].snippet.content.startsWith("Body of section 7.")).toBe(true);

    // --campaign names an existing campaign: the next file's items join it.
    const more = tmp("more.jsonl");
    fs.writeFileSync(more, jsonl([textbook(20), textbook(21)]));
    const second = await importFile({ dataset: "mixed-synthetic", filePath: more, campaign: "hand-written" }, plainContext());
    expect(second).toMatchObject({ inserted: 2, campaignId: campaign.id });
    expect(await db().generationCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ total: 6, generated: 6 });
    expect((await listCampaignImports({ campaignId: campaign.id })).map((r) => r.fileName)).toEqual(["more.jsonl", "mixed.jsonl.gz"]);
  });

  it("resumes an interrupted synthetic import without duplicating items or counts", async () => {
    const file = tmp("resume.jsonl");
    fs.writeFileSync(file, jsonl(Array.from({ length: 50 }, (_, i) => exercise(100 + i))));
    await expect(importFile({ dataset: "resume-synthetic", filePath: file, kind: "exercise", batchSize: 10 }, abortAfterFirstBatch())).rejects.toMatchObject({ name: "AbortError" });
    const run = await db().importRun.findFirstOrThrow({ where: { dataset: { name: "resume-synthetic" } } });
    expect(run).toMatchObject({ status: "running", linesDone: 10 });
    expect(await db().syntheticItem.count({ where: { datasetId: run.datasetId } })).toBe(10);
    expect(await db().generationCampaign.findFirstOrThrow({ where: { datasetId: run.datasetId } })).toMatchObject({ total: 10, generated: 10, status: "running" });
    const report = await runImport(run.id, plainContext());
    expect(report).toMatchObject({ status: "completed", inserted: 50, duplicates: 0, resumedFromLine: run.linesDone + 1 });
    expect(await db().syntheticItem.count({ where: { datasetId: run.datasetId } })).toBe(50);
    const campaigns = await db().generationCampaign.findMany({ where: { datasetId: run.datasetId } });
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({ total: 50, generated: 50, status: "succeeded" });
  });

  it("code datasets import exactly as before and refuse synthetic options", async () => {
    const file = tmp("code.jsonl");
    fs.writeFileSync(file, jsonl([{ content: "x = 1\n", language: "python" }, { text: "y = 2\n" }]));
    const report = await importFile({ dataset: "plain-code", filePath: file }, plainContext());
    expect(report).toMatchObject({ status: "completed", inserted: 2 });
    expect(report.campaignId).toBeUndefined();
    expect(await db().syntheticItem.count({ where: { snippet: { dataset: { name: "plain-code" } } } })).toBe(0);
    await expect(importFile({ dataset: "plain-code", filePath: file, kind: "textbook" }, plainContext())).rejects.toBeInstanceOf(ImportOptionsError);
    await expect(importFile({ dataset: "plain-code", filePath: file, campaign: "x" }, plainContext())).rejects.toThrow(/--campaign applies to synthetic imports/);
  });
});

describe("the import CLI and the campaign upload route", () => {
  let adminToken: string;
  beforeAll(async () => {
    const admin = await createUser({ email: "admin@synth-import.test", password: "password123", role: "admin" });
    adminToken = (await createApiToken(admin.id, "t")).token;
  });
  afterAll(() => vi.restoreAllMocks());

  it("syllabus import --kind/--campaign: usage errors exit 2, a good file imports", async () => {
    const out: string[] = [];
    vi.spyOn(console, "log").mockImplementation((m) => void out.push(String(m)));
    vi.spyOn(console, "error").mockImplementation((m) => void out.push(String(m)));
    const file = tmp("cli.jsonl");
    fs.writeFileSync(file, jsonl([{ id: "c1", topic: "sets", audience: "a chef", title: "Sets", text: "A set holds each value once." }]));
    expect(await importCli([file, "--dataset", "cli-synth", "--kind", "poem"])).toBe(2);
    expect(out.join("\n")).toMatch(/--kind must be textbook or exercise, got "poem"/);
    expect(await importCli([file, "--dataset", "cli-synth", "--kind", "textbook", "--campaign", "first import", "--json"])).toBe(0);
    const report = JSON.parse(out.find((l) => l.trim().startsWith("{"))!);
    expect(report).toMatchObject({ status: "completed", inserted: 1, campaignId: expect.any(Number) });
    expect((await db().generationCampaign.findUniqueOrThrow({ where: { id: report.campaignId } })).name).toBe("first import");
    await importFile({ dataset: "cli-code", filePath: file }, plainContext());
    expect(await importCli([file, "--dataset", "cli-code", "--kind", "textbook"])).toBe(2);
    expect(out.join("\n")).toMatch(/dataset "cli-code" is a code dataset/);
  });

  it("uploads a JSONL file into a campaign: an import run linked to it, queued for the worker", async () => {
    const campaign = await db().generationCampaign.findFirstOrThrow({ where: { name: "first import" } });
    const body = jsonl([{ id: "u1", kind: "exercise", topic: "sets", function_name: "g", prompt: 'def g():\n    """Return 1."""\n', solution: "    return 1\n", tests: "assert g() == 1\n" }]);
    const res = await uploadRoute(bearer(adminToken, `http://localhost:3000/api/synthetic/campaigns/${campaign.id}/import?filename=up.jsonl`, { method: "POST", body }), params({ id: String(campaign.id) }));
    expect(res.status).toBe(201);
    const { import: run } = await res.json();
    expect(await db().job.count({ where: { name: "corpus.import", payload: JSON.stringify({ importRunId: run.id }) } })).toBe(1);
    const report = await runImport(run.id, plainContext());
    expect(report).toMatchObject({ status: "completed", inserted: 1, campaignId: campaign.id });
    expect(await db().generationCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ kind: "mixed", total: 2, generated: 2, status: "succeeded" });
    const missing = await uploadRoute(bearer(adminToken, "http://localhost:3000/api/synthetic/campaigns/9999/import?filename=up.jsonl", { method: "POST", body }), params({ id: "9999" }));
    expect(missing.status).toBe(404);
  });
});
