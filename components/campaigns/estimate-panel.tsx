import { formatDuration } from "@/lib/format-duration";
import type { CampaignEstimate } from "@/lib/campaigns/types";
import { Alert } from "../ui/alert";
import { Stat } from "../datasets/stat";
import { fmtInt, fmtTokens, fmtUsd } from "./format";

/** The estimate shown before a campaign starts: what is selected, tokens, cost and time. */
export function EstimatePanel({ estimate, loading, error }: { estimate: CampaignEstimate | undefined; loading: boolean; error: Error | null }) {
  if (error) return <Alert tone="error">Cannot estimate: {error.message}</Alert>;
  if (!estimate) return <div className="h-28 animate-pulse rounded-md bg-slate-100" aria-busy="true" aria-label="Estimating" />;
  const e = estimate;
  return (
    <div className={`space-y-3 transition-opacity ${loading ? "opacity-60" : ""}`} data-testid="campaign-estimate" aria-busy={loading} aria-live="polite">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat size="lg" label="Snippets" value={<span data-testid="estimate-count">{fmtInt(e.count)}</span>} sub={e.alreadyLabeled ? `${fmtInt(e.alreadyLabeled)} already labeled, left out` : "none labeled yet by this model + prompt"} />
        <Stat size="lg" label="Input tokens" value={fmtTokens(e.inputTokens)} sub={e.sampled ? `from a sample of ${fmtInt(e.sampleSize)}` : "counted exactly"} />
        <Stat size="lg" label="Output tokens" value={fmtTokens(e.outputTokens)} sub={`${e.outputTokensPerItem} per snippet (${e.outputTokensSource === "history" ? "past labels" : "default"})`} />
        <Stat
          size="lg"
          label="Cost"
          value={<span data-testid="estimate-cost">{e.priceKnown ? fmtUsd(e.costUsd) : "price unknown"}</span>}
          sub={e.priceKnown ? (e.batchPricing ? "Batch API price" : "list price") : "add the model on the Settings page"}
        />
      </dl>
      <p className="text-xs text-slate-500">
        {e.seconds === null
          ? "Batch mode: OpenAI returns results within 24 hours, usually much sooner."
          : `About ${formatDuration(e.seconds * 1000)} at ${e.concurrency} concurrent requests (${(e.latencyMs / 1000).toFixed(1)} s per snippet, ${e.latencySource === "history" ? "from past campaigns" : "a default guess"}).`}
      </p>
    </div>
  );
}
