"use client";

import Link from "next/link";
import { formatDuration, formatRate } from "@/lib/format-duration";
import { Stat } from "../datasets/stat";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { useCan } from "../user-context";
import { CampaignProgress } from "./campaign-progress";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { FailedItemsTable } from "./failed-items-table";
import { ACTIVE, fmtInt, fmtTokens, fmtUsd } from "./format";
import { useCampaign } from "./use-campaign";
import { useCampaignAction } from "./use-campaign-action";

export function CampaignDetail({ id }: { id: number }) {
  const isAdmin = useCan("admin");
  const q = useCampaign(id);
  const cancel = useCampaignAction(id, "cancel");
  const retry = useCampaignAction(id, "retry-failed");
  if (q.isPending) return <div className="h-64 animate-pulse rounded-lg bg-slate-200/60" aria-busy="true" aria-label="Loading campaign" />;
  if (q.isError) {
    return (
      <div className="space-y-3">
        <Alert tone="error">{(q.error as { status?: number }).status === 404 ? "This campaign does not exist (its dataset may have been deleted)." : q.error.message}</Alert>
        <Link href="/campaigns" className="text-sm text-indigo-700 hover:underline">← All campaigns</Link>
      </div>
    );
  }
  const { campaign: c, failed } = q.data;
  const active = ACTIVE.has(c.status);
  const f = c.filter;
  const selection = [f.scope === "unlabeled" ? "snippets without an LLM label" : "all snippets", f.language && `in ${f.language}`, f.limit && `${f.sample === "random" ? `a random sample of ${fmtInt(f.limit)} (seed ${f.seed})` : `the first ${fmtInt(f.limit)}`}`]
    .filter(Boolean)
    .join(", ");
  const actionError = cancel.error ?? retry.error;

  return (
    <div className="space-y-4" data-testid="campaign-detail">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <Link href="/campaigns" className="text-xs text-slate-500 hover:text-slate-800">← Campaigns</Link>
          <div className="mt-0.5 flex items-center gap-2">
            <h1 className="text-xl font-semibold tracking-tight text-slate-900">Campaign #{c.id}</h1>
            <CampaignStatusBadge status={c.status} />
          </div>
          <p className="text-sm text-slate-500">
            <Link href={`/datasets/${c.datasetId}`} className="text-indigo-700 hover:underline">{c.datasetName}</Link> · <span className="font-mono">{c.model}</span> · prompt <span className="font-mono">{c.promptVersion}</span> · {c.mode === "batch" ? "Batch API" : `live, ${c.concurrency} concurrent`} · {selection}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {c.job && <Link href={`/jobs/${c.job.id}`} className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50" data-testid="campaign-job-link">Job #{c.job.id}</Link>}
          <Link href={`/review/${c.datasetId}`} className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50" data-testid="campaign-spot-check">Spot-check labels</Link>
          {isAdmin && active && (
            <Button variant="danger" onClick={() => cancel.mutate()} disabled={cancel.isPending || c.job?.cancelRequested} data-testid="cancel-campaign">
              {c.job?.cancelRequested ? "Cancelling…" : "Cancel"}
            </Button>
          )}
          {isAdmin && !active && (c.failed > 0 || c.pending > 0) && (
            <Button variant="secondary" onClick={() => retry.mutate()} disabled={retry.isPending} data-testid="retry-failed">
              {c.failed > 0 ? `Retry ${fmtInt(c.failed)} failed` : `Resume ${fmtInt(c.pending)} pending`}
            </Button>
          )}
        </div>
      </div>

      {actionError && <Alert tone="error">{actionError.message}</Alert>}
      {c.error && c.status !== "succeeded" && <Alert tone={c.status === "failed" ? "error" : "warning"}>{c.status === "queued" ? "The last run stopped and will be retried: " : ""}{c.error}</Alert>}

      <Card>
        <div className="space-y-4">
          <CampaignProgress campaign={c} size="lg" testId="campaign-progress" />
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
            <Stat size="lg" label="Labeled" value={<span data-testid="campaign-labeled">{fmtInt(c.labeled)}</span>} sub={`of ${fmtInt(c.total)}`} />
            <Stat size="lg" label="Failed" value={<span data-testid="campaign-failed">{fmtInt(c.failed)}</span>} sub={c.skipped ? `${fmtInt(c.skipped)} skipped (already labeled)` : "0 skipped"} />
            <Stat size="lg" label="Tokens in / out" value={`${fmtTokens(c.inputTokens)} / ${fmtTokens(c.outputTokens)}`} sub={`estimated ${fmtTokens(c.estimate.inputTokens)} / ${fmtTokens(c.estimate.outputTokens)}`} />
            <Stat size="lg" label="Spend" value={<span data-testid="campaign-spend">{fmtUsd(c.costUsd)}</span>} sub={`estimated ${fmtUsd(c.estimate.costUsd)}`} />
            <Stat size="lg" label="Requests" value={fmtInt(c.requests)} sub={`${fmtInt(c.retries)} retries`} />
            <Stat
              size="lg"
              label="Throughput"
              value={c.itemsPerSecond !== null ? formatRate(c.itemsPerSecond) : "–"}
              sub={c.durationSeconds !== null ? `${formatDuration(c.durationSeconds * 1000)}${c.estimate.seconds !== null ? ` (est. ${formatDuration(c.estimate.seconds * 1000)})` : ""}` : "not started"}
            />
          </dl>
          {c.job && active && <p className="text-xs text-slate-500" data-testid="campaign-job-message">{c.job.status === "queued" ? "Waiting for a worker (`npx syllabus worker`)…" : c.job.message}</p>}
        </div>
      </Card>

      <Card title={`Failed snippets (${fmtInt(c.failed)})`}>
        <FailedItemsTable campaignId={c.id} firstPage={failed} total={c.failed} />
      </Card>
    </div>
  );
}
