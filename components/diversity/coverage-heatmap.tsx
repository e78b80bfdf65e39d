import type { Coverage } from "@/lib/diversity/types";
import { ratio } from "./format";

/** Cell color: white for 0 (outlined), then indigo by share of the fullest cell. */
function shade(n: number, max: number): React.CSSProperties {
  if (n === 0) return { backgroundColor: "#fff5f5" };
  const t = max > 0 ? n / max : 0;
  return { backgroundColor: `rgba(79, 70, 229, ${0.12 + 0.78 * t})`, color: t > 0.55 ? "#fff" : "#1e1b4b" };
}

/**
 * The constraint grid: topic × audience counts as a heatmap (textbooks), items and distinct function names per
 * topic (exercises), with normalized entropy and the cells never hit.
 */
export function CoverageHeatmap({ coverage }: { coverage: Coverage }) {
  const tb = coverage.textbook;
  const ex = coverage.exercise;
  return (
    <div className="space-y-5" data-testid="coverage">
      <p className="text-xs text-slate-500">
        {coverage.source === "campaign" ? "Rows and columns are the campaign's declared lists, so cells it never hit show (red)." : "Rows and columns are the values found on the items (no campaign lists)."}
      </p>
      {tb && (
        <figure className="min-w-0" data-testid="coverage-heatmap">
          <figcaption className="mb-2 flex flex-wrap items-baseline gap-x-4 text-xs text-slate-600">
            <span className="font-medium text-slate-700">Textbook sections: topic ↓ × audience →</span>
            <span data-testid="coverage-entropy">normalized entropy <strong className="tabular-nums">{ratio(tb.entropy)}</strong></span>
            <span>{tb.cellsHit} of {tb.cells} cells hit</span>
            {tb.outside > 0 && <span className="text-amber-700">{tb.outside} items outside the lists</span>}
          </figcaption>
          <div className="overflow-x-auto">
            <table className="border-separate border-spacing-0.5 text-xs" role="grid" aria-label="Items per topic and audience">
              <thead>
                <tr>
                  <th className="px-2 text-left font-medium text-slate-500">topic \ audience</th>
                  {tb.audiences.map((a) => <th key={a} scope="col" className="max-w-32 px-1 text-center font-medium text-slate-600" title={a}><div className="truncate">{a}</div></th>)}
                </tr>
              </thead>
              <tbody>
                {tb.topics.map((t, ti) => {
                  const max = Math.max(1, ...tb.counts.flat());
                  return (
                    <tr key={t}>
                      <th scope="row" className="max-w-56 truncate px-2 text-left font-normal text-slate-700" title={t}>{t}</th>
                      {tb.audiences.map((a, ai) => {
                        const n = tb.counts[ti][ai];
                        return (
                          <td
                            key={a}
                            className={`h-7 min-w-12 rounded text-center tabular-nums ${n === 0 ? "ring-1 ring-red-200 text-red-400" : ""}`}
                            style={shade(n, max)}
                            title={`${t} × ${a}: ${n} item${n === 1 ? "" : "s"}`}
                            data-testid="coverage-cell"
                            data-topic={t}
                            data-audience={a}
                            data-count={n}
                          >
                            {n}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {tb.emptyCells.length > 0 && (
            <p className="mt-2 text-xs text-slate-600" data-testid="coverage-empty-cells">
              Never hit: {tb.emptyCells.slice(0, 12).map(([t, a]) => `${t} × ${a}`).join("; ")}
              {tb.cells - tb.cellsHit > 12 ? ` and ${tb.cells - tb.cellsHit - 12} more` : ""}
            </p>
          )}
        </figure>
      )}
      {ex && (
        <figure className="min-w-0" data-testid="coverage-exercises">
          <figcaption className="mb-2 flex flex-wrap items-baseline gap-x-4 text-xs text-slate-600">
            <span className="font-medium text-slate-700">Exercises per topic (with distinct function names)</span>
            <span>normalized entropy <strong className="tabular-nums">{ratio(ex.entropy)}</strong></span>
            <span>{ex.cellsHit} of {ex.cells} topics hit</span>
            {ex.declaredNames && <span>{ex.declaredNames.used} of {ex.declaredNames.total} declared function names used</span>}
          </figcaption>
          <table className="w-full max-w-2xl text-xs">
            <thead>
              <tr className="text-left text-slate-500">
                <th className="py-1 font-medium">topic</th>
                <th className="py-1 font-medium">exercises</th>
                <th className="py-1 text-right font-medium">function names</th>
              </tr>
            </thead>
            <tbody>
              {ex.topics.map((r) => {
                const max = Math.max(1, ...ex.topics.map((x) => x.items));
                return (
                  <tr key={r.topic} className="border-t border-slate-100" data-testid="coverage-exercise-topic">
                    <td className="max-w-56 truncate py-1 pr-3 text-slate-700" title={r.topic}>{r.topic}</td>
                    <td className="w-1/2 py-1 pr-3">
                      <div className="flex items-center gap-2" title={`${r.items} exercises`}>
                        <div className={`h-2.5 rounded ${r.items ? "bg-indigo-500" : "bg-red-200"}`} style={{ width: `${Math.max(2, (r.items / max) * 100)}%` }} />
                        <span className="tabular-nums text-slate-600">{r.items}</span>
                      </div>
                    </td>
                    <td className="py-1 text-right tabular-nums text-slate-600">{r.functionNames}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {ex.declaredNames && ex.declaredNames.unused.length > 0 && (
            <p className="mt-2 text-xs text-slate-600">Declared names never used: {ex.declaredNames.unused.slice(0, 20).join(", ")}{ex.declaredNames.total - ex.declaredNames.used > 20 ? "…" : ""}</p>
          )}
        </figure>
      )}
    </div>
  );
}
