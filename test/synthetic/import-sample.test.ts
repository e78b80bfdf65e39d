import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { composeExerciseProgram } from "@/lib/synthetic/compose-content";
import { loadSampleData, SAMPLE_SYNTHETIC_CAMPAIGN, SAMPLE_SYNTHETIC_DATASET } from "@/prisma/scripts/load-sample";
import { useTestDatabase } from "../helpers/db";

useTestDatabase();
const python = spawnSync("python3", ["--version"]).status === 0;

it("the shipped sample loads a synthetic dataset: 8 sections, 12 exercises, one wrong solution, idempotently", async () => {
  const report = await loadSampleData();
  expect(report?.synthetic).toMatchObject({ status: "completed", inserted: 20, errorCount: 0 });
  expect(await loadSampleData()).toBeNull();
  const again = await loadSampleData({ force: true });
  expect(again?.synthetic).toMatchObject({ inserted: 0, duplicates: 20 });

  const dataset = await db().dataset.findUniqueOrThrow({ where: { name: SAMPLE_SYNTHETIC_DATASET } });
  expect(dataset).toMatchObject({ kind: "textbook", snippetCount: 20 });
  const campaign = await db().generationCampaign.findFirstOrThrow({ where: { datasetId: dataset.id } });
  expect(campaign).toMatchObject({ name: SAMPLE_SYNTHETIC_CAMPAIGN, source: "import", kind: "mixed", status: "succeeded", total: 20, generated: 20 });
  const items = await db().syntheticItem.findMany({ where: { datasetId: dataset.id }, include: { snippet: { select: { externalId: true } } } });
  expect(items.filter((i) => i.kind === "textbook")).toHaveLength(8);
  const exercises = items.filter((i) => i.kind === "exercise");
  expect(exercises).toHaveLength(12);
  expect(new Set(exercises.map((e) => e.functionName)).size).toBe(12);
  if (python) {
    // One python3 runs every program in a fresh namespace and prints the ids whose tests raise.
    const programs = JSON.stringify(exercises.map((e) => [e.snippet.externalId, composeExerciseProgram(e)]));
    const driver = `import json, sys\nfor id, src in json.loads(sys.stdin.read()):\n    try:\n        exec(compile(src, id, "exec"), {"__name__": "__main__"})\n    except Exception:\n        print(id)\n`;
    const run = spawnSync("python3", ["-c", driver], { input: programs, encoding: "utf8" });
    expect(run.stdout.trim().split("\n")).toEqual(["syn-ex-07"]);
  }
}, 180_000);
