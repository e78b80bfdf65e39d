import { SCORE_BADGE, scoreKey } from "./score-colors";

/** A 0–5 score as a small colored pill; "–" for no score. */
export function ScoreBadge({ score, title }: { score: number | null; title?: string }) {
  return (
    <span
      title={title ?? (score === null ? "No LLM label" : `Score ${score} of 5`)}
      className={`inline-flex h-5 min-w-5 items-center justify-center rounded px-1 text-xs font-semibold tabular-nums ring-1 ring-inset ${SCORE_BADGE[scoreKey(score)]}`}
    >
      {score ?? "–"}
    </span>
  );
}
