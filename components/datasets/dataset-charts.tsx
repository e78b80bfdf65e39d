"use client";

import type { DatasetStats } from "@/lib/datasets/types";
import { SCORE_HEX, scoreKey } from "../snippets/score-colors";
import { DistributionChart, type Bucket } from "./distribution-chart";

const LANGUAGE_COLOR = "#6366f1";
const OTHER_COLOR = "#a5b4fc";

export function languageBuckets(stats: DatasetStats): Bucket[] {
  return stats.languages.map((l) => ({ label: l.language, count: l.count, color: l.language === "other" ? OTHER_COLOR : LANGUAGE_COLOR }));
}

export function scoreBuckets(scores: DatasetStats["llmScores"], threshold?: number): Bucket[] {
  return scores.map((s) => ({
    label: s.score === null ? "none" : String(s.score),
    count: s.count,
    color: SCORE_HEX[scoreKey(s.score)],
    hint: s.score === null ? "no LLM label yet" : threshold !== undefined && s.score >= threshold ? "high value (≥ threshold)" : undefined,
  }));
}

export function LanguageChart({ stats, height, testId }: { stats: DatasetStats; height?: number; testId?: string }) {
  return <DistributionChart title="Languages (top 8)" xLabel="Language" data={languageBuckets(stats)} height={height} testId={testId} />;
}

export function LlmScoreChart({ stats, threshold, height, testId }: { stats: DatasetStats; threshold?: number; height?: number; testId?: string }) {
  return <DistributionChart title="LLM score" xLabel="Score (none = unlabeled)" data={scoreBuckets(stats.llmScores, threshold)} height={height} testId={testId} />;
}

export function HumanScoreChart({ stats, threshold, height, testId }: { stats: DatasetStats; threshold?: number; height?: number; testId?: string }) {
  return <DistributionChart title="Human score" xLabel="Score" yLabel="Labels" data={scoreBuckets(stats.humanScores, threshold)} height={height} testId={testId} />;
}
