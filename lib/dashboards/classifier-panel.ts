import { Prisma } from "@syllabus/prisma-sqlite";
import { medianScore } from "@/lib/classifier/load-training-targets";
import { db } from "@/lib/db/client";
import { averagePrecision } from "@/lib/metrics/average-precision";
import { calibrationBins } from "@/lib/metrics/calibration-bins";
import { prCurve } from "@/lib/metrics/pr-curve";
import { rocAuc } from "@/lib/metrics/roc-auc";
import { rocCurve } from "@/lib/metrics/roc-curve";
import { curvesFromHistogram } from "./curves-from-histogram";
import { cached } from "./dashboard-cache";
import { dataVersion } from "./data-version";
import { loadScoreHistogram } from "./load-score-histogram";
import { ZDashboardQuery, type TDashboardQuery } from "./precision-panel";
import { PROB_BINS } from "./prob-bin-sql";
import { loadSnippetContext } from "./load-snippet-context";
import { resolveDashboardModel } from "./resolve-dashboard-model";
import type { CalibrationBin, ClassifierPanel, CurveSet } from "./types";

/** Below this many human-labeled snippets the calibration plot uses LLM labels instead. */
export const MIN_HUMAN_FOR_CALIBRATION = 30;
const HISTOGRAM_BINS = 20;
const CALIBRATION_BINS = 10;

type Row = { snippetId: number | bigint; score: number | bigint };

const emptyCurves = (): CurveSet => ({ n: 0, positives: 0, rocAuc: null, prAuc: null, roc: { fpr: [], tpr: [], thresholds: [] }, pr: { precision: [], recall: [], thresholds: [] } });

/**
 * The classifier panel of one model (default: the active one): ROC/PR against median human scores (exact,
 * over the human-labeled snippets the model scored; probabilities through loadSnippetContext), against the newest LLM scores (from the cached probability histogram),
 * a calibration plot and probability histograms per LLM score. Cached until scores or labels change.
 */
export async function classifierPanel(input: Omit<TDashboardQuery, "auditId">): Promise<ClassifierPanel> {
  const { datasetId, modelId } = ZDashboardQuery.parse(input);
  const v = await dataVersion();
  return cached(`classifier:${datasetId}:${modelId}`, `${v.scores}/${v.labels}`, () => computeClassifierPanel(datasetId, modelId, v.scores), (p) => !p.stale);
}

async function computeClassifierPanel(datasetId: number | undefined, modelId: number | undefined, scoresVersion: string): Promise<ClassifierPanel> {
  const model = await resolveDashboardModel(modelId);
  const dataset = datasetId === undefined ? null : await db().dataset.findUnique({ where: { id: datasetId }, select: { threshold: true } });
  // The model was trained for "score ≥ its threshold": judge it by the same definition.
  const threshold = model?.threshold ?? dataset?.threshold ?? 3;
  const empty: ClassifierPanel = {
    datasetId: datasetId ?? null,
    model,
    note: "No classifier model is active yet: train one and activate it.",
    stale: false,
    threshold,
    vsHuman: emptyCurves(),
    vsLlm: { ...emptyCurves(), binned: true },
    calibration: { against: "llm", bins: [] },
    histograms: [],
  };
  if (!model) return empty;

  const [rows, histogram] = await Promise.all([
    db().$queryRaw<Row[]>(Prisma.sql`
      SELECT h."snippetId" AS "snippetId", h.score AS score FROM human_label h
      WHERE h.status = 'labeled' AND h.score IS NOT NULL ${datasetId === undefined ? Prisma.empty : Prisma.sql`AND h."datasetId" = ${datasetId}`}`),
    loadScoreHistogram({ modelId: model.id, datasetId }),
  ]);

  const cells = histogram.value;
  const context = await loadSnippetContext([...new Set(rows.map((r) => Number(r.snippetId)))], model.id, scoresVersion);
  const bySnippet = new Map<number, { prob: number; scores: number[] }>();
  for (const r of rows) {
    const id = Number(r.snippetId);
    const prob = context.get(id)?.prob;
    if (prob === null || prob === undefined) continue;
    const s = bySnippet.get(id) ?? { prob, scores: [] };
    s.scores.push(Number(r.score));
    bySnippet.set(id, s);
  }
  const probs = [...bySnippet.values()].map((s) => s.prob);
  const yHuman = [...bySnippet.values()].map((s) => (medianScore(s.scores) >= threshold ? 1 : 0));
  const positivesHuman = yHuman.reduce<number>((a, b) => a + b, 0);
  const vsHuman: CurveSet = { n: probs.length, positives: positivesHuman, rocAuc: rocAuc(yHuman, probs), prAuc: averagePrecision(yHuman, probs), roc: rocCurve(yHuman, probs), pr: prCurve(yHuman, probs) };

  const pos = new Array<number>(PROB_BINS + 1).fill(0);
  const neg = new Array<number>(PROB_BINS + 1).fill(0);
  const calib = Array.from({ length: CALIBRATION_BINS }, () => ({ count: 0, probSum: 0, positives: 0 }));
  const histograms = [0, 1, 2, 3, 4, 5].map((llmScore) => ({ llmScore, bins: new Array<number>(HISTOGRAM_BINS).fill(0) }));
  for (const c of cells) {
    if (c.llmScore === null) continue;
    const bin = Math.min(PROB_BINS, Math.max(0, c.bin));
    const high = c.llmScore >= threshold;
    (high ? pos : neg)[bin] += c.count;
    const k = Math.min(CALIBRATION_BINS - 1, Math.floor((bin * CALIBRATION_BINS) / PROB_BINS));
    calib[k].count += c.count;
    calib[k].probSum += c.probSum;
    if (high) calib[k].positives += c.count;
    const h = histograms.find((x) => x.llmScore === c.llmScore);
    if (h) h.bins[Math.min(HISTOGRAM_BINS - 1, Math.floor((bin * HISTOGRAM_BINS) / PROB_BINS))] += c.count;
  }

  const byHuman = probs.length >= MIN_HUMAN_FOR_CALIBRATION;
  const llmBins: CalibrationBin[] = calib.flatMap((c, k) =>
    c.count ? [{ lo: k / CALIBRATION_BINS, hi: (k + 1) / CALIBRATION_BINS, count: c.count, meanProb: c.probSum / c.count, fracPositive: c.positives / c.count }] : [],
  );

  return {
    datasetId: datasetId ?? null,
    model,
    note: probs.length === 0 ? "No human labels on snippets this model scored yet: the curves against humans are empty." : null,
    stale: histogram.stale,
    threshold,
    vsHuman,
    vsLlm: { ...curvesFromHistogram({ positives: pos, negatives: neg, binWidth: 1 / PROB_BINS }), binned: true },
    calibration: byHuman ? { against: "human", bins: calibrationBins(yHuman, probs, CALIBRATION_BINS) } : { against: "llm", bins: llmBins },
    histograms,
  };
}
