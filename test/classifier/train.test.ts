import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareModels } from "@/lib/classifier/compare-models";
import { createScoreRun } from "@/lib/classifier/create-score-run";
import { createTrainingRun } from "@/lib/classifier/create-training-run";
import { deleteModel } from "@/lib/classifier/delete-model";
import { getActiveModel } from "@/lib/classifier/get-active-model";
import { getModel } from "@/lib/classifier/get-model";
import { listFlipped } from "@/lib/classifier/list-flipped";
import { listModels } from "@/lib/classifier/list-models";
import { encodeVector } from "@/lib/classifier/embeddings/vector-bytes";
import { loadTrainingTargets } from "@/lib/classifier/load-training-targets";
import { trainClassifier } from "@/lib/classifier/train-classifier";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { jobRegistry } from "@/workers/registry";
import { useTestDatabase } from "../helpers/db";
import { runScoreRunInProcess, seedLearnableDataset, type LearnableDataset } from "./fixtures";

useTestDatabase();

let ds: LearnableDataset;
beforeAll(async () => {
  process.env.SYLLABUS_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-classifier-"));
  ds = await seedLearnableDataset("learnable", 1_200, { labeled: 400 });
});

async function train(input: Parameters<typeof createTrainingRun>[0]) {
  const { model } = await createTrainingRun(input, null, jobRegistry);
  const result = await trainClassifier({ modelId: model.id, registry: jobRegistry }, plainContext());
  return { model: await getModel(model.id), result };
}

describe("training", () => {
  it("trains on a learnable dataset: cross-validated AUC well above 0.5, artifact on disk with its sha256", { timeout: 120_000 }, async () => {
    const { model, result } = await train({ datasetId: ds.id, trees: 30, folds: 4, activate: false });
    expect(result.status).toBe("ready");
    expect(model).toMatchObject({ version: 1, status: "ready", active: false, threshold: 3, trees: 30, folds: 4, rows: 400 });
    const m = model.metrics!;
    console.log(`learnable dataset: ROC AUC ${m.rocAuc?.toFixed(3)} (folds ${m.foldRocAuc.map((v) => v?.toFixed(3)).join(", ")}), PR AUC ${m.prAuc?.toFixed(3)}`);
    expect(m.rocAuc).toBeGreaterThan(0.8);
    expect(m.foldRocAuc).toHaveLength(4);
    expect(m.prAuc).toBeGreaterThan(0.7);
    const c = m.confusion;
    expect(c.tp + c.fp + c.tn + c.fn).toBe(400);
    expect(model.cut).toBe(m.cut);
    expect(m.rocCurve.fpr.length).toBeGreaterThan(2);
    expect(model.data).toMatchObject({ rows: 400, fromHuman: 0, fromLlm: 400, llmSources: [{ model: "test-llm", promptVersion: "v1", rows: 400 }] });
    expect(model.data!.positives + model.data!.negatives).toBe(400);
    expect(model.importances.length).toBeGreaterThan(0);
    expect(model.importances.length).toBeLessThanOrEqual(30);

    const row = await db().classifierModel.findUniqueOrThrow({ where: { id: model.id } });
    expect(row.artifactPath).toMatch(new RegExp(`models/model-v1-${row.artifactSha256!.slice(0, 8)}\\.forest$`));
    const bytes = fs.readFileSync(row.artifactPath!);
    expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(row.artifactSha256);
    expect(bytes.byteLength).toBe(row.artifactBytes);

    // A rerun of the job (at-least-once) once the model is ready changes nothing.
    expect(await trainClassifier({ modelId: model.id, registry: jobRegistry }, { ...plainContext(), attempt: 2 })).toMatchObject({ status: "already-trained" });
    expect(await db().classifierModel.findUniqueOrThrow({ where: { id: model.id } })).toEqual(row);
    // A rerun after a crash before "ready" trains the same model into the same row and file.
    await db().classifierModel.update({ where: { id: model.id }, data: { status: "training" } });
    await trainClassifier({ modelId: model.id, registry: jobRegistry }, { ...plainContext(), attempt: 2 });
    const again = await db().classifierModel.findUniqueOrThrow({ where: { id: model.id } });
    expect(again.status).toBe("ready");
    expect(again.artifactSha256).toBe(row.artifactSha256);
    expect(await db().classifierModel.count()).toBe(1);
    expect(await db().scoreRun.count()).toBe(0);
  });

  it("human labels take priority over LLM labels (median of annotators, skips ignored)", async () => {
    const users = await Promise.all(
      ["a", "b", "c"].map((u) => db().user.create({ data: { id: `u-${u}`, name: u, email: `${u}@test.local` } })),
    );
    const [low1, low2, high1] = ds.snippetIds.filter((id) => !ds.high.has(id));
    const label = (snippetId: number, userId: string, score: number | null, status = "labeled") =>
      db().humanLabel.create({ data: { snippetId, userId, datasetId: ds.id, score, status } });
    // LLM said low; two annotators say 5 and 4 → median 4 → high.
    await label(low1, users[0].id, 5);
    await label(low1, users[1].id, 4);
    // Median of 2 and 5 with an even count: (2 + 5) / 2 rounded down = 3 → high; a skip does not count.
    await label(low2, users[0].id, 2);
    await label(low2, users[1].id, 5);
    await label(low2, users[2].id, null, "skipped");
    // One annotator says 1: stays low.
    await label(high1, users[2].id, 1);
    const t = await loadTrainingTargets({ datasetId: ds.id, threshold: 3 });
    const at = (id: number) => t.y[t.ids.indexOf(id)];
    expect(at(low1)).toBe(1);
    expect(at(low2)).toBe(1);
    expect(at(high1)).toBe(0);
    expect(t.scores[t.ids.indexOf(low1)]).toBe(4);
    expect(t.snapshot).toMatchObject({ rows: 400, fromHuman: 3, fromLlm: 397 });
    await db().humanLabel.deleteMany({});
  });

  it("refuses too few labels or a single class, before queuing and in the job", async () => {
    const tiny = await seedLearnableDataset("tiny", 12);
    const err = await createTrainingRun({ datasetId: tiny.id }, null, jobRegistry).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(400);
    expect((err as Error).message).toMatch(/need labeled snippets of both classes: \d+ high, \d+ low/);

    // Labels that change after queuing: the job itself refuses and the model ends failed.
    const one = await seedLearnableDataset("one-class", 60);
    const { model } = await createTrainingRun({ datasetId: one.id, trees: 5, activate: false }, null, jobRegistry);
    await db().llmLabel.updateMany({ where: { snippet: { datasetId: one.id } }, data: { score: 5 } });
    await trainClassifier({ modelId: model.id, registry: jobRegistry }, plainContext());
    const failed = await getModel(model.id);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/need labeled snippets of both classes: 60 high, 0 low/);
    await deleteModel(model.id);
  });

  it("appends cached embeddings when asked, and refuses while a labeled snippet has none", { timeout: 120_000 }, async () => {
    const small = await seedLearnableDataset("embedded", 80, { seed: 3 });
    const [first, ...rest] = small.snippetIds;
    await db().snippetEmbedding.createMany({
      data: rest.map((snippetId) => ({ snippetId, model: "test-embed", dims: 8, vector: new Uint8Array(encodeVector(Float32Array.from({ length: 8 }, (_, k) => (small.high.has(snippetId) ? 1 : -1) * (k + 1)))) })),
    });
    const { model: missing } = await train({ datasetId: small.id, trees: 5, folds: 3, useEmbeddings: true, activate: false });
    expect(missing.status).toBe("failed");
    expect(missing.error).toMatch(/1 of 80 labeled snippets have no test-embed embedding: embed the dataset first/);

    await db().snippetEmbedding.create({ data: { snippetId: first, model: "test-embed", dims: 8, vector: new Uint8Array(encodeVector(new Float32Array(8))) } });
    const { model } = await train({ datasetId: small.id, trees: 10, folds: 3, useEmbeddings: true, activate: false });
    expect(model.status).toBe("ready");
    expect(model.features).toMatchObject({ embeddingModel: "test-embed", embeddingDims: 8 });
    expect(model.features!.dims).toBe(model.features!.embeddingDims + 256);
    expect(model.importances.some((f) => f.name.startsWith("emb_"))).toBe(true);
    for (const m of [missing, model]) await deleteModel(m.id);
  });
});

describe("re-scoring and what flipped", () => {
  it("an activating run scores every snippet exactly once, sets classifierProb, then flips the active model", { timeout: 120_000 }, async () => {
    const [v1] = await listModels();
    expect(await getActiveModel()).toBeNull();
    const { run } = await createScoreRun({ modelId: v1.id, activate: true, chunkSize: 250 }, null, jobRegistry);
    await runScoreRunInProcess(run.id);
    const total = await db().snippet.count();
    const detail = await getModel(v1.id);
    expect(detail.scoreRuns[0]).toMatchObject({ id: run.id, status: "succeeded", total, done: total, chunksDone: detail.scoreRuns[0].chunks });
    expect(detail.scoreRuns[0].chunks).toBe(Math.ceil(total / 250));
    expect(await db().snippetScore.count({ where: { modelId: v1.id } })).toBe(total);
    expect(await db().snippet.count({ where: { classifierProb: null } })).toBe(0);
    expect(await getActiveModel()).toMatchObject({ id: v1.id, version: 1 });

    // The unlabeled snippets are scored too, and the model separates them.
    const probs = await db().snippet.findMany({ where: { datasetId: ds.id }, select: { id: true, classifierProb: true } });
    const meanOf = (high: boolean) => {
      const sel = probs.filter((p) => ds.high.has(p.id) === high);
      return sel.reduce((s, p) => s + p.classifierProb!, 0) / sel.length;
    };
    expect(meanOf(true) - meanOf(false)).toBeGreaterThan(0.3);

    // A second run of the same model rewrites the same rows.
    const { run: again } = await createScoreRun({ modelId: v1.id, datasetId: ds.id, activate: true, chunkSize: 500 }, null, jobRegistry);
    await runScoreRunInProcess(again.id);
    expect(await db().snippetScore.count({ where: { modelId: v1.id } })).toBe(total);
  });

  it("compares two versions: counts by direction add up, flipped lists page through them", { timeout: 120_000 }, async () => {
    const [v1] = (await listModels()).filter((m) => m.version === 1);
    const { model: v2 } = await train({ datasetId: ds.id, trees: 15, folds: 3, threshold: 2, seed: 5, activate: false });
    const { run } = await createScoreRun({ modelId: v2.id, activate: false, chunkSize: 400 }, null, jobRegistry);
    await runScoreRunInProcess(run.id);
    expect(await getActiveModel()).toMatchObject({ id: v1.id });

    const cmp = await compareModels({ fromId: v1.id, toId: v2.id });
    expect(cmp.total).toBe(await db().snippet.count());
    expect(cmp.bothHigh + cmp.bothLow + cmp.lowToHigh + cmp.highToLow).toBe(cmp.total);
    expect(cmp.cutFrom).toBe(v1.cut);
    expect(cmp.cutTo).toBe(v2.cut);

    for (const direction of ["lowToHigh", "highToLow"] as const) {
      const seen: number[] = [];
      let after: number | undefined;
      for (;;) {
        const page = await listFlipped({ fromId: v1.id, toId: v2.id, direction, after, limit: 37 });
        for (const item of page.items) {
          expect(direction === "lowToHigh" ? item.probFrom < cmp.cutFrom && item.probTo >= cmp.cutTo : item.probFrom >= cmp.cutFrom && item.probTo < cmp.cutTo).toBe(true);
          seen.push(item.snippetId);
        }
        if (page.nextAfter === null) break;
        after = page.nextAfter;
      }
      expect(seen.length).toBe(cmp[direction]);
      expect(new Set(seen).size).toBe(seen.length);
    }
    const byDataset = await compareModels({ fromId: v1.id, toId: v2.id, datasetId: ds.id });
    expect(byDataset.total).toBe(ds.snippetIds.length);

    // The inactive version can be deleted: scores and artifact go with it; the active one cannot.
    const path2 = (await db().classifierModel.findUniqueOrThrow({ where: { id: v2.id } })).artifactPath!;
    await deleteModel(v2.id);
    expect(fs.existsSync(path2)).toBe(false);
    expect(await db().snippetScore.count({ where: { modelId: v2.id } })).toBe(0);
    await expect(deleteModel(v1.id)).rejects.toMatchObject({ status: 409 });
  });
});
