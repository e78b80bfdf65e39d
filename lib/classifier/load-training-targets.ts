import { db } from "@/lib/db/client";
import type { ModelDataSnapshot } from "./types";

/** Median of annotators' scores; with an even count, the mean of the two middle scores rounded down. */
export function medianScore(scores: number[]): number {
  const s = [...scores].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : Math.floor((s[mid - 1] + s[mid]) / 2);
}

export type TrainingTargets = { ids: number[]; y: Uint8Array; scores: Uint8Array; snapshot: ModelDataSnapshot };

/** The labeled snippets of a dataset (ascending ids) and their targets, without features: cheap enough to check a request before queuing it. */
export async function loadTrainingTargets({ datasetId, threshold }: { datasetId: number; threshold: number }): Promise<TrainingTargets> {
  const human = await db().humanLabel.findMany({
    where: { datasetId, status: "labeled", score: { not: null } },
    select: { snippetId: true, score: true },
  });
  const humanScores = new Map<number, number[]>();
  for (const h of human) {
    const list = humanScores.get(h.snippetId);
    if (list) list.push(h.score!);
    else humanScores.set(h.snippetId, [h.score!]);
  }
  // Newest first per snippet, so the first label seen for a snippet is the one that counts.
  const llm = await db().llmLabel.findMany({
    where: { snippet: { datasetId } },
    select: { snippetId: true, score: true, model: true, promptVersion: true },
    orderBy: [{ snippetId: "asc" }, { createdAt: "desc" }, { id: "desc" }],
  });
  const llmBySnippet = new Map<number, { score: number; model: string; promptVersion: string }>();
  for (const l of llm) if (!llmBySnippet.has(l.snippetId)) llmBySnippet.set(l.snippetId, l);

  const ids = [...new Set([...humanScores.keys(), ...llmBySnippet.keys()])].sort((a, b) => a - b);
  const nRows = ids.length;
  const scores = new Uint8Array(nRows);
  const y = new Uint8Array(nRows);
  const sources = new Map<string, { model: string; promptVersion: string; rows: number }>();
  let fromHuman = 0;
  ids.forEach((id, i) => {
    const h = humanScores.get(id);
    let score: number;
    if (h) {
      score = medianScore(h);
      fromHuman++;
    } else {
      const l = llmBySnippet.get(id)!;
      score = l.score;
      const key = `${l.model}\u0000${l.promptVersion}`;
      const s = sources.get(key);
      if (s) s.rows++;
      else sources.set(key, { model: l.model, promptVersion: l.promptVersion, rows: 1 });
    }
    scores[i] = score;
    y[i] = score >= threshold ? 1 : 0;
  });
  const positives = y.reduce((s, v) => s + v, 0);

  return {
    ids,
    y,
    scores,
    snapshot: {
      rows: nRows,
      positives,
      negatives: nRows - positives,
      fromHuman,
      fromLlm: nRows - fromHuman,
      llmSources: [...sources.values()].sort((a, b) => b.rows - a.rows),
      threshold,
    },
  };
}

