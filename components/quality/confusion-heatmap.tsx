import { DrillLink, type DrillFilters } from "./drill-link";
import { num } from "./format";

const SCORES = [0, 1, 2, 3, 4, 5];

/**
 * LLM score (columns) against the median human score (rows), 6×6. Shade grows with the cell's share of its
 * row, so each human score's spread reads the same whatever its volume; the diagonal is exact agreement.
 * Each count opens its snippets.
 */
export function ConfusionHeatmap({ confusion, threshold, scope }: { confusion: number[][]; threshold: number; scope: DrillFilters }) {
  return (
    <table className="text-xs" data-testid="agreement-confusion" aria-label="Confusion matrix: median human score by row, LLM score by column">
      <thead>
        <tr>
          <th />
          <th colSpan={6} className="pb-1 text-center font-medium text-slate-500">LLM score →</th>
        </tr>
        <tr>
          <th className="pr-2 text-right font-medium text-slate-500">human ↓</th>
          {SCORES.map((s) => (
            <th key={s} scope="col" className={`w-12 pb-1 text-center font-medium ${s >= threshold ? "text-emerald-700" : "text-slate-600"}`}>{s}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {SCORES.map((h) => {
          const row = confusion[h] ?? [];
          const rowTotal = row.reduce((a, b) => a + b, 0);
          return (
            <tr key={h}>
              <th scope="row" className={`pr-2 text-right font-medium ${h >= threshold ? "text-emerald-700" : "text-slate-600"}`}>{h}</th>
              {SCORES.map((l) => {
                const n = row[l] ?? 0;
                const share = rowTotal ? n / rowTotal : 0;
                const diagonal = h === l;
                const bg = diagonal ? `rgba(5, 150, 105, ${0.1 + 0.7 * share})` : `rgba(79, 70, 229, ${0.06 + 0.6 * share})`;
                return (
                  <td key={l} className="h-10 w-12 border border-white text-center tabular-nums" style={{ background: n ? bg : "#f8fafc", color: share > 0.55 ? "#fff" : "#0f172a" }}
                    title={`human ${h}, LLM ${l}: ${n} snippet${n === 1 ? "" : "s"} (${(share * 100).toFixed(0)}% of human ${h})`}>
                    {n ? <DrillLink name={`confusion-${h}-${l}`} filters={{ ...scope, llmScore: l, minHumanScore: h, maxHumanScore: h }}>{num(n)}</DrillLink> : <span className="text-slate-300">0</span>}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
