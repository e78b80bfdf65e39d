"use client";

import Link from "next/link";
import { CampaignStatusBadge } from "../campaigns/campaign-status-badge";
import { KindBadge } from "../datasets/kind-badge";
import { useLlmStatus } from "../settings/use-llm-status";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { useCan } from "../user-context";
import { fmtInt, fmtUsd, KIND_LABEL } from "./format";
import { GenerationProgress } from "./generation-progress";
import { useGenerationCampaigns } from "./use-generation-campaigns";
import { useSyntheticDatasets } from "./use-synthetic-datasets";

const linkClass = "text-indigo-700 hover:underline";

/** /synthetic: the synthetic datasets and every generation or import campaign, newest first. */
export function SyntheticOverview() {
  const isAdmin = useCan("admin");
  const llm = useLlmStatus();
  const datasets = useSyntheticDatasets();
  const campaigns = useGenerationCampaigns();

  return (
    <div className="space-y-4">
      {llm.data && !llm.data.configured && (
        <div data-testid="llm-not-configured">
          <Alert tone="warning">
            Generating textbook sections and exercises needs an LLM endpoint: {isAdmin ? <Link href="/settings" className="font-medium underline">configure one in Settings</Link> : "ask an admin to configure one in Settings"} (an OpenAI key or any
            OpenAI-compatible server). Importing externally generated JSONL works without one: <code className="font-mono text-xs">npx syllabus import items.jsonl --dataset name --kind exercise</code>.
          </Alert>
        </div>
      )}

      <Card title="Synthetic datasets">
        {datasets.error ? (
          <Alert tone="error">Could not load datasets: {datasets.error.message}</Alert>
        ) : !datasets.data ? (
          <div className="h-16 animate-pulse rounded bg-slate-100" aria-busy="true" />
        ) : datasets.data.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="synthetic-datasets-empty">
            No synthetic datasets yet. Start a campaign (it creates one), or import a JSONL file of textbook sections or exercises on the <Link href="/imports" className={linkClass}>Imports</Link> page.
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm [&_td]:px-2 [&_th]:px-2" data-testid="synthetic-datasets">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th className="py-1">Dataset</th><th>Kind</th><th className="text-right">Textbook sections</th><th className="text-right">Exercises</th>
                  <th className="text-right">Pending</th><th className="text-right">Approved</th><th className="text-right">Rejected</th><th className="text-right">Campaigns</th><th>Open</th>
                </tr>
              </thead>
              <tbody>
                {datasets.data.map((d) => (
                  <tr key={d.id} className="border-t border-slate-100" data-testid={`synthetic-dataset-${d.id}`}>
                    <td className="py-2"><Link href={`/datasets/${d.id}`} className={`font-medium ${linkClass}`}>{d.name}</Link></td>
                    <td><KindBadge kind={d.kind} /></td>
                    <td className="text-right tabular-nums">{fmtInt(d.items.textbook)}</td>
                    <td className="text-right tabular-nums">{fmtInt(d.items.exercise)}</td>
                    <td className="text-right tabular-nums">{fmtInt(d.items.pending)}</td>
                    <td className="text-right tabular-nums text-emerald-700">{fmtInt(d.items.approved)}</td>
                    <td className="text-right tabular-nums text-red-700">{fmtInt(d.items.rejected)}</td>
                    <td className="text-right tabular-nums">{fmtInt(d.campaigns)}</td>
                    <td className="space-x-3 whitespace-nowrap text-xs">
                      <Link href={`/synthetic/review?dataset=${d.id}`} className={linkClass}>Review</Link>
                      <Link href={`/diversity?dataset=${d.id}`} className={linkClass}>Diversity</Link>
                      <Link href={`/decontam?dataset=${d.id}`} className={linkClass}>Decontam</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title="Campaigns">
        {campaigns.error ? (
          <Alert tone="error">Could not load campaigns: {campaigns.error.message}</Alert>
        ) : !campaigns.data ? (
          <div className="h-24 animate-pulse rounded bg-slate-100" aria-busy="true" aria-label="Loading campaigns" />
        ) : campaigns.data.campaigns.length === 0 ? (
          <div className="space-y-2 py-4 text-center text-sm text-slate-600" data-testid="generation-campaigns-empty">
            <p className="font-medium text-slate-800">No generation campaigns yet.</p>
            <p>A campaign asks an LLM for textbook sections and exercises over a grid of topics, audiences and function names, with a cost estimate before it starts.</p>
            {isAdmin && <Link href="/synthetic/campaigns/new" className="inline-block rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-500">Start a campaign</Link>}
          </div>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm [&_td]:px-2 [&_th]:px-2" data-testid="generation-campaigns">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th className="py-1">#</th><th>Name</th><th>Dataset</th><th>Kind</th><th>Status</th><th>Progress</th>
                  <th className="text-right">Generated</th><th className="text-right">Failed</th><th className="text-right">Cost</th><th>Created</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.data.campaigns.map((c) => (
                  <tr key={c.id} className="border-t border-slate-100 align-top" data-testid={`generation-campaign-row-${c.id}`}>
                    <td className="py-2"><Link href={`/synthetic/campaigns/${c.id}`} className={`font-medium ${linkClass}`}>#{c.id}</Link></td>
                    <td className="max-w-64 truncate"><Link href={`/synthetic/campaigns/${c.id}`} className="text-slate-800 hover:underline">{c.name}</Link>{c.source === "import" && <span className="ml-1.5 rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">import</span>}</td>
                    <td><Link href={`/datasets/${c.datasetId}`} className={linkClass}>{c.datasetName}</Link></td>
                    <td className="text-xs">{KIND_LABEL[c.kind] ?? c.kind}</td>
                    <td><CampaignStatusBadge status={c.status} /></td>
                    <td><GenerationProgress campaign={c} /></td>
                    <td className="text-right tabular-nums">{fmtInt(c.generated)}</td>
                    <td className={`text-right tabular-nums ${c.failed ? "text-red-700" : ""}`}>{fmtInt(c.failed)}</td>
                    <td className="text-right tabular-nums">{c.source === "import" ? "–" : fmtUsd(c.costUsd)}</td>
                    <td className="whitespace-nowrap text-xs text-slate-500">{new Date(c.createdAt).toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
