import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTrainingRun } from "@/lib/classifier/create-training-run";
import { getModel } from "@/lib/classifier/get-model";
import { trainClassifier } from "@/lib/classifier/train-classifier";
import { plainContext } from "@/lib/context";
import { importFile } from "@/lib/corpus/import-file";
import { db } from "@/lib/db/client";
import { jobRegistry } from "@/workers/registry";
import { useTestDatabase } from "../helpers/db";

useTestDatabase();

// Real Python files with LLM labels (absent on a fresh clone: the test then skips).
const corpus = path.resolve(process.cwd(), "../shared/data/corpus/python-sample.jsonl.gz");
const present = fs.existsSync(corpus);
if (!present) console.log(`skipping the shared-corpus classifier test: ${corpus} is absent`);

describe.skipIf(!present)("classifier on the shared corpus", () => {
  it("trains 100 trees with 5-fold cross-validation on the 299 labeled files: ROC AUC > 0.6", { timeout: 300_000 }, async () => {
    process.env.SYLLABUS_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-shared-classifier-"));
    const report = await importFile({ dataset: "python-sample", filePath: corpus }, plainContext());
    expect(report.llmLabels).toBe(299);
    const dataset = await db().dataset.findUniqueOrThrow({ where: { name: "python-sample" } });
    const { model } = await createTrainingRun({ datasetId: dataset.id, trees: 100, folds: 5, activate: false }, null, jobRegistry);
    await trainClassifier({ modelId: model.id, registry: jobRegistry }, plainContext());
    const m = await getModel(model.id);
    expect(m.status).toBe("ready");
    const x = m.metrics!;
    console.log(
      `python-sample (${m.data!.rows} rows, ${m.data!.positives} high): 5-fold ROC AUC ${x.rocAuc!.toFixed(3)} ± ${x.rocAucStd!.toFixed(3)} ` +
        `(${x.foldRocAuc.map((v) => v!.toFixed(3)).join(", ")}), PR AUC ${x.prAuc!.toFixed(3)}, cut ${x.cut.toFixed(3)} → ` +
        `P ${x.precision?.toFixed(3)} R ${x.recall?.toFixed(3)}; top: ${m.importances.slice(0, 5).map((f) => f.name).join(", ")}`,
    );
    expect(m.data).toMatchObject({ rows: 299, fromLlm: 299, positives: 72 + 84 + 9 });
    expect(x.rocAuc).toBeGreaterThan(0.6);
  });
});
