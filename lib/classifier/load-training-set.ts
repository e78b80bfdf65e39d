import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { TrainingSetError } from "./check-training-set";
import { extractFeatures, FEATURE_DIMS, FEATURE_SET_VERSION, featureNames } from "./features/extract-features";
import { loadTrainingTargets } from "./load-training-targets";
import type { ModelDataSnapshot, ModelFeatures } from "./types";

export type TrainingSet = {
  /** Snippet id of each row, ascending. */
  snippetIds: Int32Array;
  /** nRows × nFeatures, row-major. */
  X: Float32Array;
  /** 1 when the row's score >= threshold. */
  y: Uint8Array;
  /** The 0–5 score each row's target came from. */
  scores: Uint8Array;
  nRows: number;
  nFeatures: number;
  featureNames: string[];
  features: ModelFeatures;
  snapshot: ModelDataSnapshot;
};

const PAGE = 5_000;

/**
 * Every snippet of the dataset with a human or an LLM label, as a feature matrix and a binary target
 * (score >= threshold). Human labels win: the median of the annotators' labeled (not skipped) scores;
 * otherwise the snippet's newest LLM label. With `embeddingModel`, the cached embeddings are appended
 * to the features; a labeled snippet without one is an error (run classifier.embed first).
 */
export async function loadTrainingSet(opts: { datasetId: number; threshold: number; embeddingModel?: string | null }, ctx?: TaskContext): Promise<TrainingSet> {
  const { ids, y, scores, snapshot } = await loadTrainingTargets(opts);
  const nRows = ids.length;
  const embeddingModel = opts.embeddingModel ?? null;
  let embeddings: Map<number, Float32Array> | null = null;
  let embeddingDims = 0;
  if (embeddingModel) {
    // Loaded only when asked for: most models train on code features alone.
    const { loadEmbeddings } = await import("./embeddings/load-embeddings");
    const loaded = await loadEmbeddings({ snippetIds: ids, model: embeddingModel });
    embeddings = loaded;
    const missing = ids.filter((id) => !loaded.has(id));
    if (missing.length > 0) {
      throw new TrainingSetError(`${missing.length.toLocaleString("en-US")} of ${nRows.toLocaleString("en-US")} labeled snippets have no ${embeddingModel} embedding: embed the dataset first (classifier.embed)`);
    }
    embeddingDims = nRows > 0 ? loaded.get(ids[0])!.length : 0;
  }
  const nFeatures = FEATURE_DIMS + embeddingDims;
  const X = new Float32Array(nRows * nFeatures);
  const row = new Float32Array(FEATURE_DIMS);
  for (let start = 0; start < nRows; start += PAGE) {
    if (ctx?.signal.aborted) throw ctx.signal.reason;
    const pageIds = ids.slice(start, start + PAGE);
    const snippets = await db().snippet.findMany({ where: { id: { in: pageIds } }, select: { id: true, content: true, language: true, path: true } });
    const byId = new Map(snippets.map((s) => [s.id, s]));
    pageIds.forEach((id, k) => {
      const s = byId.get(id);
      if (!s) throw new TrainingSetError(`snippet ${id} disappeared while the training set was read`);
      const offset = (start + k) * nFeatures;
      if (nFeatures === FEATURE_DIMS) extractFeatures(s, X, offset);
      else {
        extractFeatures(s, row, 0);
        X.set(row, offset);
        X.set(embeddings!.get(id)!, offset + FEATURE_DIMS);
      }
    });
    await ctx?.heartbeat();
  }

  const names = featureNames();
  for (let k = 0; k < embeddingDims; k++) names.push(`emb_${String(k).padStart(4, "0")}`);
  return {
    snippetIds: Int32Array.from(ids),
    X,
    y,
    scores,
    nRows,
    nFeatures,
    featureNames: names,
    features: { version: FEATURE_SET_VERSION, dims: nFeatures, embeddingModel, embeddingDims },
    snapshot,
  };
}

/** The embedding model with the most cached vectors among the dataset's snippets, or null. */
export async function defaultEmbeddingModel(datasetId: number): Promise<string | null> {
  const top = await db().snippetEmbedding.groupBy({ by: ["model"], where: { snippet: { datasetId } }, _count: { _all: true }, orderBy: { _count: { snippetId: "desc" } }, take: 1 });
  return top[0]?.model ?? null;
}
