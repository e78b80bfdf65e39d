"use client";

import Link from "next/link";
import { useState } from "react";
import { formatDuration, formatRate } from "@/lib/format-duration";
import { CampaignStatusBadge } from "../campaigns/campaign-status-badge";
import { Stat } from "../datasets/stat";
import { useLlmStatus } from "../settings/use-llm-status";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { useCan } from "../user-context";
import { CampaignImportPanel } from "./campaign-import-panel";
import { CampaignMembersTable } from "./campaign-members-table";
import { ACTIVE_GENERATION, fmtInt, fmtTokens, fmtUsd, KIND_LABEL } from "./format";
import { GenerationItemsTable } from "./generation-items-table";
import { GenerationProgress } from "./generation-progress";
import { GridCoverageTable } from "./grid-coverage-table";
import { useGenerationAction } from "./use-generation-action";
import { useGenerationCampaign } from "./use-generation-campaign";

const buttonLink = "rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50";

/** /synthetic/campaigns/[id]: live progress, spend, grid coverage, items, cancel / retry, JSONL import. */
export function GenerationCampaignDetail({ id }: { id: number }) {
  const isAdmin = useCan("admin");
  const llm = useLlmStatus();
  const q = useGenerationCampaign(id);
  const cancel = useGenerationAction(id, "cancel");
  const retry = useGenerationAction(id, "retry-failed");
  const [tab, setTab] = useState<"items" | "members">("items");
  if (q.isPending) return <div className="h-64 animate-pulse rounded-lg bg-slate-200/60" aria-busy="true" aria-label="Loading campaign" />;
  if (q.isError) {
    return (
      <div className="space-y-3">
        <Alert tone="error">{(q.error as { status?: number }).status === 404 ? "This campaign does not exist (its dataset may have been deleted)." : q.error.message}</Alert>
        <Link href="/synthetic" className="text-sm text-indigo-700 hover:underline">← Synthetic data</Link>
      </div>
    );
  }
  const { campaign: c, coverage } = q.data;
  const active = ACTIVE_GENERATION.has(c.status);
  const llmCampaign = c.source === "llm";
  const actionError = cancel.error ?? retry.error;
  const plan = c.plan;
  const itemsTab = llmCampaign ? tab : "members";

  return (
    <div className="space-y-4" data-testid="generation-campaign-detail">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <Link href="/synthetic" className="text-xs text-slate-500 hover:text-slate-800">← Synthetic data</Link>
          <div className="mt-0.5 flex items-center gap-2">
            <h1 className="text-xl font-semibold tracking-tight text-slate-900" data-testid="generation-campaign-title">{c.name}</h1>
            <span className="text-sm text-slate-400">#{c.id}</span>
            <CampaignStatusBadge status={c.status} />
          </div>
          <p className="text-sm text-slate-500">
            <Link href={`/datasets/${c.datasetId}`} className="text-indigo-700 hover:underline">{c.datasetName}</Link> · {KIND_LABEL[c.kind] ?? c.kind}
            {llmCampaign ? (
              <>
                {" "}· <span className="font-mono">{c.model}</span> · T {c.temperature} · max {fmtInt(c.maxTokens)} tokens · {c.concurrency} concurrent · {plan.strategy} plan, seed {plan.seed}
                {plan.exerciseShare !== undefined && `, ${Math.round(plan.exerciseShare * 100)} % exercises`} · prompts{" "}
                {[c.prompts.textbook?.version, c.prompts.exercise?.version].filter(Boolean).map((v) => <span key={v} className="font-mono">{v} </span>)}
              </>
            ) : (
              " · imported from JSONL"
            )}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {c.job && <Link href={`/jobs/${c.job.id}`} className={buttonLink} data-testid="generation-job-link">Job #{c.job.id}</Link>}
          <Link href={`/synthetic/review?dataset=${c.datasetId}&campaign=${c.id}`} className={buttonLink} data-testid="generation-review-link">Review items</Link>
          <Link href={`/diversity?dataset=${c.datasetId}&campaign=${c.id}`} className={buttonLink} data-testid="generation-diversity-link">Diversity</Link>
          {isAdmin && llmCampaign && active && (
            <Button variant="danger" onClick={() => cancel.mutate()} disabled={cancel.isPending || c.job?.cancelRequested} data-testid="cancel-generation">
              {c.job?.cancelRequested ? "Cancelling…" : "Cancel"}
            </Button>
          )}
          {isAdmin && llmCampaign && !active && (c.failed > 0 || c.pending > 0) && (
            <Button variant="secondary" onClick={() => retry.mutate()} disabled={retry.isPending || llm.data?.configured === false} data-testid="retry-failed-generation">
              {c.failed > 0 ? `Retry ${fmtInt(c.failed)} failed` : `Resume ${fmtInt(c.pending)} pending`}
            </Button>
          )}
        </div>
      </div>

      {llmCampaign && llm.data && !llm.data.configured && <Alert tone="warning">No LLM endpoint is configured: generation cannot run until one is set on the Settings page. Importing JSONL into this campaign still works.</Alert>}
      {actionError && <Alert tone="error">{actionError.message}</Alert>}
      {c.error && c.status !== "succeeded" && <Alert tone={c.status === "failed" ? "error" : "warning"}>{c.status === "queued" ? "The last run stopped and will be retried: " : ""}{c.error}</Alert>}

      <Card>
        <div className="space-y-4">
          <GenerationProgress campaign={c} size="lg" testId="generation-progress" />
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
            <Stat size="lg" label="Generated" value={<span data-testid="generation-generated">{fmtInt(c.generated)}</span>} sub={`of ${fmtInt(c.total)}`} />
            <Stat size="lg" label="Failed" value={<span data-testid="generation-failed">{fmtInt(c.failed)}</span>} sub={`${fmtInt(c.pending)} pending`} />
            <Stat size="lg" label="Reviewed" value={`${fmtInt(c.items.approved + c.items.rejected)} / ${fmtInt(c.items.total)}`} sub={`${fmtInt(c.items.approved)} approved · ${fmtInt(c.items.rejected)} rejected`} />
            {llmCampaign && (
              <>
                <Stat size="lg" label="Tokens in / out" value={`${fmtTokens(c.inputTokens)} / ${fmtTokens(c.outputTokens)}`} sub={`estimated ${fmtTokens(c.estimate.inputTokens)} / ${fmtTokens(c.estimate.outputTokens)}`} />
                <Stat size="lg" label="Spend" value={<span data-testid="generation-spend">{fmtUsd(c.costUsd)}</span>} sub={`estimated ${fmtUsd(c.estimate.costUsd)}`} />
                <Stat
                  size="lg"
                  label="Requests"
                  value={<span data-testid="generation-requests">{fmtInt(c.requests)}</span>}
                  sub={`${fmtInt(c.retries)} retries · ${c.itemsPerSecond !== null ? formatRate(c.itemsPerSecond) : "–"}${c.durationSeconds !== null ? ` · ${formatDuration(c.durationSeconds * 1000)}` : ""}`}
                />
              </>
            )}
          </dl>
          {c.job && active && <p className="text-xs text-slate-500" data-testid="generation-job-message">{c.job.status === "queued" ? "Waiting for a worker (`npx syllabus worker`)…" : c.job.message}</p>}
        </div>
      </Card>

      <Card title="Grid coverage">
        <GridCoverageTable coverage={coverage} />
      </Card>

      <Card
        title={
          llmCampaign ? (
            <span className="flex gap-3" role="tablist" aria-label="Item lists">
              <button type="button" role="tab" aria-selected={itemsTab === "items"} onClick={() => setTab("items")} className={itemsTab === "items" ? "text-slate-900" : "font-normal text-slate-500"} data-testid="tab-generation-items">
                Generation items
              </button>
              <button type="button" role="tab" aria-selected={itemsTab === "members"} onClick={() => setTab("members")} className={itemsTab === "members" ? "text-slate-900" : "font-normal text-slate-500"} data-testid="tab-campaign-members">
                All items in the campaign ({fmtInt(c.items.total)})
              </button>
            </span>
          ) : (
            `Items (${fmtInt(c.items.total)})`
          )
        }
      >
        {itemsTab === "items" ? <GenerationItemsTable campaignId={c.id} datasetId={c.datasetId} live={active} /> : <CampaignMembersTable campaignId={c.id} live={active} />}
      </Card>

      <Card title="Import JSONL into this campaign">
        <CampaignImportPanel campaignId={c.id} defaultKind={c.kind} />
      </Card>
    </div>
  );
}
