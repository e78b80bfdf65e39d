import type { Confusion } from "@/lib/classifier/types";

/** Out-of-fold predictions at the cut against the training targets. */
export function ConfusionMatrix({ confusion: c, threshold }: { confusion: Confusion; threshold: number }) {
  const total = c.tp + c.fp + c.tn + c.fn;
  const cell = (n: number, good: boolean, label: string) => (
    <td className={`px-3 py-2 text-center tabular-nums ${good ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`} aria-label={`${label}: ${n}`}>
      <div className="text-lg font-semibold">{n.toLocaleString("en")}</div>
      <div className="text-[10px] uppercase">{label} · {total ? ((100 * n) / total).toFixed(1) : 0}%</div>
    </td>
  );
  return (
    <table className="w-full text-sm" data-testid="confusion-matrix">
      <thead>
        <tr className="text-xs text-slate-500">
          <th />
          <th scope="col" className="px-3 pb-1 font-medium">predicted high</th>
          <th scope="col" className="px-3 pb-1 font-medium">predicted low</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row" className="pr-2 text-right text-xs font-medium text-slate-500">score ≥ {threshold}</th>
          {cell(c.tp, true, "true pos.")}
          {cell(c.fn, false, "false neg.")}
        </tr>
        <tr>
          <th scope="row" className="pr-2 text-right text-xs font-medium text-slate-500">score &lt; {threshold}</th>
          {cell(c.fp, false, "false pos.")}
          {cell(c.tn, true, "true neg.")}
        </tr>
      </tbody>
    </table>
  );
}
