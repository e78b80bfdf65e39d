import { formatDuration } from "@/lib/format-duration";
import type { GenerationEstimate } from "@/lib/synthetic/types";
import { Stat } from "../datasets/stat";
import { Alert } from "../ui/alert";
import { fmtInt, fmtTokens, fmtUsd } from "./format";

/** What a generation campaign would make and cost, before it starts. */
export function GenerationEstimatePanel({ estimate, loading, error }: { estimate: GenerationEstimate | undefined; loading: boolean; error: Error | null }) {
  if (error) return <Alert tone="error">Cannot estimate: {error.message}</Alert>;
  if (!estimate) return <div className="h-28 animate-pulse rounded-md bg-slate-100" aria-busy="true" aria-label="Estimating" />;
  const e = estimate;
  const kinds = [e.textbooks && `${fmtInt(e.textbooks)} textbook sections`, e.exercises && `${fmtInt(e.exercises)} exercises`].filter(Boolean).join(" + ");
  return (
    <div className={`space-y-3 transition-opacity ${loading ? "opacity-60" : ""}`} data-testid="generation-estimate" aria-busy={loading} aria-live="polite">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
        <Stat size="lg" label="Items" value={<span data-testid="estimate-items">{fmtInt(e.count)}</span>} sub={kinds} />
        <Stat size="lg" label="Grid cells used" value={<span data-testid="estimate-cells">{`${fmtInt(e.cellsUsed)} / ${fmtInt(e.cells)}`}</span>} sub={e.cellsUsed < e.cells ? "raise the count to cover every cell" : "every cell covered"} />
        <Stat size="lg" label="Input tokens" value={fmtTokens(e.inputTokens)} sub={e.sampled ? `from the first ${fmtInt(e.sampleSize)} prompts` : "counted exactly (o200k)"} />
        <Stat
          size="lg"
          label="Output tokens"
          value={fmtTokens(e.outputTokens)}
          sub={`${e.textbooks ? `${fmtInt(e.outputTokensPerItem.textbook)} a section` : ""}${e.textbooks && e.exercises ? ", " : ""}${e.exercises ? `${fmtInt(e.outputTokensPerItem.exercise)} an exercise` : ""} (${e.outputTokensSource === "history" ? "past items" : "expected"})`}
        />
        <Stat size="lg" label="Cost" value={<span data-testid="estimate-cost">{e.priceKnown ? fmtUsd(e.costUsd) : "price unknown"}</span>} sub={e.priceKnown ? `${e.model} list price` : "add the model on the Settings page"} />
      </dl>
      <p className="text-xs text-slate-500">
        About {formatDuration(e.seconds * 1000)} at {e.concurrency} concurrent requests ({e.textbooks ? `${(e.latencyMs.textbook / 1000).toFixed(0)} s a section` : ""}
        {e.textbooks && e.exercises ? ", " : ""}
        {e.exercises ? `${(e.latencyMs.exercise / 1000).toFixed(0)} s an exercise` : ""}, {e.latencySource === "history" ? "from past campaigns" : "a default guess"}). Prompts:{" "}
        {[e.promptVersions.textbook, e.promptVersions.exercise].filter(Boolean).join(", ")}.
      </p>
      {e.preview.length > 0 && (
        <details className="text-xs text-slate-600" data-testid="estimate-preview">
          <summary className="cursor-pointer">First planned items</summary>
          <ol className="mt-1 list-inside list-decimal space-y-0.5">
            {e.preview.map((p) => (
              <li key={p.position}>
                {p.kind}: <span className="text-slate-800">{p.topic}</span>
                {p.audience && <> · {p.audience}</>}
                {p.functionName && <> · <code className="font-mono">{p.functionName}()</code></>}
              </li>
            ))}
          </ol>
          {e.functionNames.length > 0 && <p className="mt-1">Function names: {e.functionNames.map((n) => <code key={n} className="mr-1.5 font-mono">{n}</code>)}</p>}
        </details>
      )}
    </div>
  );
}
