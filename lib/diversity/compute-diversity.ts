import type { TaskContext } from "@/lib/context";
import { loadEmbeddings } from "@/lib/classifier/embeddings/load-embeddings";
import { getLlmConfig } from "@/lib/llm/config";
import { compressionRatio } from "./compression-ratio";
import { distinctN } from "./distinct-n";
import { findNearDuplicates, lowBitsJaccard, type NearDupResult, type SignatureSet } from "./find-near-duplicates";
import { functionNamesOf, nameUniqueness } from "./function-names";
import { loadCoverage } from "./load-coverage";
import { MinhashPool } from "./minhash-pool";
import { openingOf } from "./opening-of";
import { readScopePage } from "./read-scope-page";
import { sampleScopeIds } from "./sample-scope-ids";
import type { DiversityScope } from "./scope-sql";
import { SignatureBuilder } from "./signature-builder";
import { denseCosineMatrix, sparseCosineMatrix, tfidfVectors } from "./tfidf-vectors";
import { topNgrams, topOf } from "./top-ngrams";
import type { DiversityMetrics, DiversityParams, StoredCluster, VectorMetrics } from "./types";
import { similarityStats } from "./vendi-score";
import { wordTokens } from "./word-tokens";

export const TOKENIZATION = "lower-cased; a token is a maximal run of letters, digits and underscores (Python: re.findall(r\"\\w+\", text.lower()))";

const PAGE = 2_000;

/** A problem with the request itself (a retry would fail the same way): the report fails at once. */
export class DiversityInputError extends Error {
  override name = "DiversityInputError";
}
const MEMBERS_STORED = 100;
const PAIRS_STORED = 200;

export type DiversityResult = {
  metrics: DiversityMetrics;
  /** The largest clusters, as stored on the report. */
  clusters: StoredCluster[];
  /** Every near-duplicate of the scope: snippet id → its cluster's representative (lowest id). */
  members: Map<number, number>;
};

/**
 * Every diversity figure of a scope. One streaming pass over all items (pages of 2,000 on the raw driver):
 * MinHash signatures in threads (overlapped with reading the next page), openings and function names on
 * this thread, the sampled items' texts kept. Then LSH + verification + union-find over all items, the
 * sample's distinct-n / n-grams / compression, its vectors (cached embeddings or TF-IDF) with Vendi score
 * and dispersion, and the constraint-grid coverage from SQL counts. Stops at the next page when
 * ctx.signal aborts (throws its reason).
 */
export async function computeDiversity(o: { scope: DiversityScope; params: DiversityParams }, ctx: TaskContext): Promise<DiversityResult> {
  const started = performance.now();
  const { scope, params } = o;
  const mh = params.minhash;
  const { ids: sampleIds, total } = await sampleScopeIds(scope, params.sampleSize, params.seed);
  const inSample = new Set(sampleIds);
  const sampleTexts = new Map<number, string>();

  const pool = new MinhashPool({ permutations: mh.permutations, shingle: mh.shingle, seed: params.seed, bands: mh.bands, rows: mh.rows }, params.threads ?? undefined);
  const builder = new SignatureBuilder(mh.bands, mh.permutations, total);
  const ids: number[] = [];
  const openings = new Map<string, { count: number; docs: number }>();
  const names = new Map<string, { count: number; docs: number }>();
  let declaredNames = 0;
  let codeNames = 0;
  let signSeconds = 0;
  try {
    await ctx.reportProgress(0, total, `reading and signing ${total.toLocaleString("en-US")} items`);
    let page = await readScopePage(scope, 0, PAGE);
    while (page.length > 0) {
      ctx.signal.throwIfAborted();
      const t = performance.now();
      const signing = pool.sign(page.map((p) => p.content));
      const next = readScopePage(scope, page[page.length - 1].id, PAGE);
      for (const item of page) {
        ids.push(item.id);
        if (inSample.has(item.id)) sampleTexts.set(item.id, item.content);
        const opening = openingOf(item.content, params.openingWords, item.kind === "textbook");
        if (opening) bump(openings, opening, true);
        const declared = item.kind === "exercise" ? item.functionName : null;
        const found = functionNamesOf(item.content, declared);
        if (declared?.trim()) declaredNames++;
        else codeNames += found.length;
        const distinctInDoc = new Set(found);
        for (const name of found) bump(names, name, false);
        for (const name of distinctInDoc) names.get(name)!.docs++;
      }
      builder.add(await signing);
      signSeconds += (performance.now() - t) / 1000;
      await ctx.heartbeat();
      await ctx.reportProgress(ids.length, Math.max(total, ids.length), `signed ${ids.length.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} items`);
      page = await next;
    }
  } finally {
    await pool.close();
  }

  ctx.signal.throwIfAborted();
  await ctx.reportProgress(ids.length, ids.length, "finding near-duplicate clusters");
  const nearStarted = performance.now();
  const set = builder.build();
  const near = findNearDuplicates(set, mh.threshold);
  const { clusters, members, duplicates } = clusterView(near, set, ids, params.maxClusters);
  const nearSeconds = (performance.now() - nearStarted) / 1000;
  ctx.log(`MinHash: ${ids.length} items in ${signSeconds.toFixed(1)} s on ${pool.threadCount} thread(s); ${near.candidates} candidate pairs, ${near.pairs.length} verified, ${near.clusters.length} clusters, ${duplicates} near-duplicates`);

  // Sample metrics, in id order (compression depends on the order of the concatenation).
  const texts = sampleIds.map((id) => sampleTexts.get(id)).filter((t): t is string => t !== undefined);
  const tokens = texts.map(wordTokens);
  await ctx.reportProgress(ids.length, ids.length, `vectors and Vendi score of ${texts.length.toLocaleString("en-US")} sampled items`);
  const vectors = await vectorMetrics(sampleIds.filter((id) => sampleTexts.has(id)), tokens, params);
  ctx.signal.throwIfAborted();
  const coverage = await loadCoverage(scope);
  const nameCounts = new Map([...names].map(([k, v]) => [k, v.count]));

  const metrics: DiversityMetrics = {
    items: ids.length,
    sample: { size: params.sampleSize, seed: params.seed, items: texts.length },
    tokenization: TOKENIZATION,
    distinct: [1, 2, 3].map((n) => distinctN(tokens, n)),
    compression: compressionRatio(texts),
    functionNames: {
      ...nameUniqueness(nameCounts),
      source: declaredNames && codeNames ? "mixed" : declaredNames ? "declared" : codeNames ? "code" : "none",
      top: topOf(names, params.topK, 2),
    },
    openings: { words: params.openingWords, distinct: openings.size, total: [...openings.values()].reduce((a, b) => a + b.count, 0), top: topOf(openings, params.topK, 2) },
    ngrams: { n: params.ngram, top: topNgrams(tokens, params.ngram, params.topK) },
    nearDup: {
      threshold: mh.threshold,
      permutations: mh.permutations,
      shingle: mh.shingle,
      bands: mh.bands,
      rows: mh.rows,
      recallAtThreshold: mh.recallAtThreshold,
      items: ids.length,
      emptyItems: set.empty.reduce((a, b) => a + b, 0),
      candidates: near.candidates,
      pairs: near.pairs.length,
      clusters: near.clusters.length,
      duplicates,
      rate: ids.length ? duplicates / ids.length : null,
      largest: near.clusters[0]?.length ?? 0,
      threads: pool.threadCount,
      seconds: signSeconds + nearSeconds,
    },
    vectors,
    coverage,
    seconds: (performance.now() - started) / 1000,
  };
  return { metrics, clusters, members };
}

function bump(map: Map<string, { count: number; docs: number }>, key: string, doc: boolean) {
  const s = map.get(key);
  if (s) {
    s.count++;
    if (doc) s.docs++;
  } else map.set(key, { count: 1, docs: doc ? 1 : 0 });
}

/** Clusters as snippet ids: every member → representative, and the largest `max` clusters with their similarities. */
export function clusterView(near: NearDupResult, set: SignatureSet, ids: readonly number[], max: number): { clusters: StoredCluster[]; members: Map<number, number>; duplicates: number } {
  const members = new Map<number, number>();
  const clusterOf = new Map<number, number>();
  near.clusters.forEach((c, k) => {
    // Indices ascend with ids (pages are read in id order), so c[0] is the lowest id.
    for (const i of c) clusterOf.set(i, k);
    for (let x = 1; x < c.length; x++) members.set(ids[c[x]], ids[c[0]]);
  });
  const pairsOf = new Map<number, NearDupResult["pairs"]>();
  for (const p of near.pairs) {
    const k = clusterOf.get(p.a)!;
    if (k >= max) continue;
    let list = pairsOf.get(k);
    if (!list) pairsOf.set(k, (list = []));
    list.push(p);
  }
  const clusters = near.clusters.slice(0, max).map((c, k): StoredCluster => {
    const shown = c.slice(0, MEMBERS_STORED);
    const pairs = pairsOf.get(k) ?? [];
    const sims = pairs.map((p) => p.similarity);
    return {
      size: c.length,
      snippetIds: shown.map((i) => ids[i]),
      toRepresentative: shown.map((i) => (i === c[0] ? 1 : round4(lowBitsJaccard(set.low16, set.permutations, c[0], i)))),
      pairs: pairs
        .slice()
        .sort((p, q) => q.similarity - p.similarity)
        .slice(0, PAIRS_STORED)
        .map((p) => [ids[p.a], ids[p.b], round4(p.similarity)]),
      similarity: { min: round4(Math.min(...sims)), mean: round4(sims.reduce((a, b) => a + b, 0) / sims.length), max: round4(Math.max(...sims)) },
    };
  });
  return { clusters, members, duplicates: members.size };
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * Vendi score and dispersion of the sample: cached embeddings of the embedding model when every sampled
 * item has one (vectors "auto") or when asked ("embeddings", an error if some are missing), TF-IDF otherwise.
 */
async function vectorMetrics(ids: number[], tokens: string[][], params: DiversityParams): Promise<VectorMetrics> {
  const started = performance.now();
  let note: string | null = null;
  if (params.vectors !== "tfidf" && ids.length > 0) {
    const model = params.embeddingModel ?? (await getLlmConfig()).models.embed;
    const cached = await loadEmbeddings({ snippetIds: ids, model });
    if (cached.size === ids.length) {
      const K = denseCosineMatrix(ids.map((id) => cached.get(id)!));
      const s = similarityStats(K, ids.length);
      return { kind: "embeddings", model, dimensions: cached.get(ids[0])!.length, n: ids.length, vendi: s.vendi, dispersion: s.dispersion, note: null, seconds: (performance.now() - started) / 1000 };
    }
    const missing = `${(ids.length - cached.size).toLocaleString("en-US")} of ${ids.length.toLocaleString("en-US")} sampled items have no cached embedding of ${model}`;
    if (params.vectors === "embeddings") throw new DiversityInputError(`${missing}: compute them first (the classifier.embed job, with an embeddings endpoint configured), or use TF-IDF vectors`);
    note = cached.size > 0 ? `${missing}: TF-IDF used` : null;
  }
  const { vectors, vocabulary } = tfidfVectors(tokens);
  const K = sparseCosineMatrix(vectors, vocabulary);
  const s = similarityStats(K, tokens.length);
  return { kind: "tfidf", model: null, dimensions: vocabulary, n: tokens.length, vendi: s.vendi, dispersion: s.dispersion, note, seconds: (performance.now() - started) / 1000 };
}
