import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importFile } from "@/lib/corpus/import-file";
import type { ImportReport } from "@/lib/corpus/types";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "../helpers/db";
import { ctx, projectRoot } from "./helpers";

const database = useTestDatabase();

// Real data from /work/shared (absent on a fresh clone: these tests then skip).
const corpus = path.resolve(projectRoot, "../shared/data/corpus/python-sample.jsonl.gz");
const present = fs.existsSync(corpus);

// From the corpus README: 2,536 rows, 2,519 distinct contents, 306 labelled rows. The README says the
// labels cover "300 distinct files"; by content they cover 299 (seven labelled boto3 __init__.py files are
// byte-identical, as are geekcomputers' TaskManager.py and TaskPlanner.py), which is also what its own
// histogram adds up to: 9 + 37 + 88 + 72 + 84 + 9 = 299.
// Each CLI test starts node + tsx (a few seconds on a busy 2-core machine).
const CLI_TIMEOUT = 180_000;
const HISTOGRAM = { 0: 9, 1: 37, 2: 88, 3: 72, 4: 84, 5: 9 };

describe.skipIf(!present)("shared corpus python-sample.jsonl.gz", () => {
  it("imports with exact counts and the README's label histogram", async () => {
    const report = await importFile({ dataset: "python-sample", filePath: corpus }, ctx());
    expect(report).toMatchObject({ status: "completed", format: "jsonl.gz", records: 2536, inserted: 2519, duplicates: 17, llmLabels: 299, errorCount: 0, errors: [] });

    const datasetId = (await db().dataset.findUniqueOrThrow({ where: { name: "python-sample" } })).id;
    const groups = await db().snippet.groupBy({ by: ["llmScore"], where: { datasetId, llmScore: { not: null } }, _count: { _all: true } });
    expect(Object.fromEntries(groups.map((g) => [g.llmScore, g._count._all]))).toEqual(HISTOGRAM);
    const labels = await db().llmLabel.groupBy({ by: ["model", "promptVersion"], where: { snippet: { datasetId } }, _count: { _all: true } });
    expect(labels).toEqual([{ model: "reference-llm-annotator", promptVersion: "edu-rubric-v1", _count: { _all: 299 } }]);
    expect(await db().snippet.count({ where: { datasetId, language: "python", license: { not: null }, source: { not: null } } })).toBe(2519);
  });

  it("runs from the CLI (node bin/syllabus.mjs import … --json) against the same database", { timeout: CLI_TIMEOUT }, () => {
    const cli = spawnSync(process.execPath, [path.join(projectRoot, "bin", "syllabus.mjs"), "import", corpus, "--dataset", "cli-sample", "--json"], {
      cwd: path.join(projectRoot, "lib"),
      env: { ...process.env, DATABASE_URL: database.url() },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);
    const report = JSON.parse(cli.stdout) as ImportReport;
    expect(report).toMatchObject({ dataset: "cli-sample", status: "completed", records: 2536, inserted: 2519, duplicates: 17, llmLabels: 299, errorCount: 0 });

    const again = spawnSync(process.execPath, [path.join(projectRoot, "bin", "syllabus.mjs"), "import", corpus, "-d", "cli-sample"], {
      env: { ...process.env, DATABASE_URL: database.url() },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/inserted\s+0\n\s+duplicates\s+2,536\n/);
  });
});

describe("CLI usage errors", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(projectRoot, "bin", "syllabus.mjs"), ...args], { env: { ...process.env, DATABASE_URL: database.url() }, encoding: "utf8" });

  it("exits 2 with usage on an unknown command or missing options, 1 on a missing file", { timeout: CLI_TIMEOUT }, () => {
    expect(run("frobnicate")).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
    expect(run("import", "x.jsonl")).toMatchObject({ status: 2, stderr: expect.stringContaining("--dataset <name> is required") });
    expect(run("import", "x.jsonl", "-d", "x", "--max-line-bytes", "lots")).toMatchObject({ status: 2 });
    expect(run("import", "/nonexistent/x.jsonl", "-d", "x")).toMatchObject({ status: 1, stderr: expect.stringContaining("no such file") });
  });

  it("exits 1 on a fatal import error and says why", { timeout: CLI_TIMEOUT }, () => {
    const file = path.join(projectRoot, "test", "fixtures", "corpus", "not-parquet.parquet");
    const res = run("import", file, "-d", "fatal");
    expect(res.status).toBe(1);
    expect(res.stdout).toContain("Fatal: not a Parquet file: not-parquet.parquet does not start with the PAR1 magic bytes");
  });

  it("tells you to migrate when the database is not set up", { timeout: CLI_TIMEOUT }, () => {
    const res = spawnSync(process.execPath, [path.join(projectRoot, "bin", "syllabus.mjs"), "import", corpus, "-d", "x"], {
      env: { ...process.env, DATABASE_URL: "file:/tmp/syllabus-definitely-missing/db.sqlite" },
      encoding: "utf8",
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("run `npm run db:migrate` first");
  });
});
