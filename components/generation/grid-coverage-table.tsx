import type { GridCoverage } from "@/lib/synthetic/types";
import { fmtInt } from "./format";

/**
 * The constraint grid as a heatmap per kind: topics down, audiences across; each cell shows generated / planned
 * (failed in red), shaded by how many were generated, so empty and thin cells stand out.
 */
export function GridCoverageTable({ coverage }: { coverage: GridCoverage }) {
  if (coverage.cells.length === 0) return <p className="text-sm text-slate-500">No constraints recorded yet.</p>;
  const kinds = [...new Set(coverage.cells.map((c) => c.kind))];
  const max = Math.max(1, ...coverage.cells.map((c) => c.generated));
  return (
    <div className="space-y-4" data-testid="grid-coverage">
      <p className="text-xs text-slate-500">
        {fmtInt(coverage.cellsHit)} of {fmtInt(coverage.cellsTotal)} cells have at least one item. Each cell: generated / planned{coverage.cells.some((c) => c.failed) ? " (failed)" : ""}.
      </p>
      {kinds.map((kind) => {
        const cells = coverage.cells.filter((c) => c.kind === kind);
        const topics = [...new Set(cells.map((c) => c.topic))];
        const audiences = [...new Set(cells.map((c) => c.audience))];
        const at = new Map(cells.map((c) => [`${c.topic}\u0000${c.audience ?? ""}`, c]));
        return (
          <div key={kind} className="overflow-x-auto">
            <table className="text-xs" data-testid={`grid-coverage-${kind}`}>
              <caption className="pb-1 text-left text-xs font-medium uppercase tracking-wide text-slate-500">{kind === "textbook" ? "Textbook sections" : "Exercises"}</caption>
              <thead>
                <tr>
                  <th className="px-2 py-1 text-left font-medium text-slate-500">Topic \ audience</th>
                  {audiences.map((a) => (
                    <th key={a ?? "-"} className="max-w-40 px-2 py-1 text-left font-medium text-slate-500" title={a ?? "no audience"}>
                      <span className="line-clamp-2">{a ?? "(any)"}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {topics.map((t) => (
                  <tr key={t}>
                    <th className="max-w-56 truncate px-2 py-1 text-left font-normal text-slate-700" title={t}>{t}</th>
                    {audiences.map((a) => {
                      const c = at.get(`${t}\u0000${a ?? ""}`);
                      const alpha = c ? c.generated / max : 0;
                      return (
                        <td
                          key={a ?? "-"}
                          className="min-w-16 border border-white px-2 py-1 text-center tabular-nums"
                          style={{ backgroundColor: c && c.generated > 0 ? `rgba(79, 70, 229, ${0.12 + 0.6 * alpha})` : "rgb(241, 245, 249)", color: alpha > 0.6 ? "white" : undefined }}
                          title={`${t} × ${a ?? "any audience"}: ${c?.generated ?? 0} generated of ${c?.planned ?? 0} planned${c?.failed ? `, ${c.failed} failed` : ""}`}
                          data-testid="grid-cell"
                        >
                          {c ? `${c.generated}/${c.planned}` : "–"}
                          {c?.failed ? <span className="ml-1 text-red-600">({c.failed})</span> : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
