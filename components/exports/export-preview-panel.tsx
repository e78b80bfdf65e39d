import { formatBytes } from "@/lib/format-bytes";
import type { ExportPreview } from "@/lib/export/types";
import { Stat } from "../datasets/stat";
import { Alert } from "../ui/alert";
import { fmtInt, fmtTokens } from "./format";

/** What the export would contain: rows, tokens, shards, per dataset and language, and label counts. */
export function ExportPreviewPanel({ preview, loading, error }: { preview: ExportPreview | undefined; loading: boolean; error: Error | null }) {
  if (error) return <Alert tone="error">Cannot preview: {error.message}</Alert>;
  if (!preview) return <div className="h-32 animate-pulse rounded-md bg-slate-100" aria-busy="true" aria-label="Computing preview" />;
  const p = preview;
  const llm = Object.entries(p.labels.llm).sort(([a], [b]) => (a === "none" ? 1 : b === "none" ? -1 : Number(a) - Number(b)));
  return (
    <div className={`space-y-4 transition-opacity ${loading ? "opacity-60" : ""}`} data-testid="export-preview" aria-busy={loading} aria-live="polite">
      <p className="text-xs text-slate-500" data-testid="preview-filter">{p.filterSummary}</p>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat size="lg" label="Rows" value={<span data-testid="preview-rows">{fmtInt(p.rows)}</span>} sub={`train ${fmtInt(p.train.rows)} · validation ${fmtInt(p.validation.rows)}`} />
        <Stat
          size="lg"
          label="Tokens (o200k)"
          value={<span data-testid="preview-tokens">{p.tokensEstimated ? "≈ " : ""}{fmtTokens(p.tokens)}</span>}
          sub={p.tokensEstimated ? `${fmtInt(p.uncountedRows)} rows estimated (${p.tokensPerByte.toFixed(2)} tokens/byte); counted exactly by the export` : "counted exactly"}
        />
        <Stat size="lg" label="Content" value={formatBytes(p.bytes)} sub="uncompressed" />
        <Stat size="lg" label="Shards" value={<span data-testid="preview-shards">{p.rows ? `≈ ${fmtInt(p.shards)}` : "0"}</span>} sub={`${fmtInt(p.train.shards)} train · ${fmtInt(p.validation.shards)} validation`} />
      </dl>
      {p.tokensEstimated && (
        <p className="text-xs text-amber-800" data-testid="preview-estimated">
          Token figures marked ≈ are estimates for snippets whose tokens are not counted yet; a token range is applied to that estimate here. The export counts them exactly before it selects.
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <div>
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">By dataset and language</h3>
          <div className="max-h-64 overflow-y-auto">
            <table className="w-full text-sm [&_td]:px-1.5 [&_th]:px-1.5" data-testid="preview-breakdown">
              <thead className="text-left text-xs text-slate-500">
                <tr><th>Dataset</th><th>Language</th><th className="text-right">Rows</th><th className="text-right">Tokens</th><th className="text-right">Content</th></tr>
              </thead>
              <tbody>
                {p.breakdown.map((b) => (
                  <tr key={`${b.dataset}\u0000${b.language}`} className="border-t border-slate-100">
                    <td>{b.dataset}</td><td className="font-mono text-xs">{b.language}</td>
                    <td className="text-right tabular-nums">{fmtInt(b.rows)}</td><td className="text-right tabular-nums">{fmtTokens(b.tokens)}</td>
                    <td className="text-right tabular-nums">{formatBytes(b.bytes)}</td>
                  </tr>
                ))}
                {p.breakdown.length === 0 && <tr><td colSpan={5} className="py-2 text-slate-500">Nothing matches.</td></tr>}
              </tbody>
            </table>
          </div>
        </div>
        <div className="space-y-2 text-sm" data-testid="preview-labels">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Labels of the selected rows</h3>
          <div className="flex flex-wrap gap-1.5">
            {llm.map(([score, n]) => (
              <span key={score} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs tabular-nums text-slate-700">{score === "none" ? "no LLM label" : `LLM ${score}`}: {fmtInt(n)}</span>
            ))}
            {llm.length === 0 && <span className="text-xs text-slate-500">none</span>}
          </div>
          <p className="text-xs text-slate-600">
            Human: {fmtInt(p.labels.human.approved)} approved · {fmtInt(p.labels.human.rejected)} below threshold · {fmtInt(p.labels.human.unlabeled)} unlabeled
          </p>
          <p className="text-xs text-slate-600">Approved synthetic items: {fmtInt(p.labels.synthetic)} · contaminated kept by override: {fmtInt(p.labels.contaminatedOverridden)}</p>
          <p className="text-xs text-slate-400">Computed in {fmtInt(p.elapsedMs)} ms.</p>
        </div>
      </div>
    </div>
  );
}
