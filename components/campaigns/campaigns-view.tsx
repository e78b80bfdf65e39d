"use client";

import Link from "next/link";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { useCan } from "../user-context";
import { CampaignsTable } from "./campaigns-table";
import { useCampaigns } from "./use-campaigns";

export function CampaignsView() {
  const canStart = useCan("admin");
  const q = useCampaigns();
  if (q.error) return <Alert tone="error">Could not load campaigns: {q.error.message}</Alert>;
  if (!q.data) return <div className="h-40 animate-pulse rounded-lg bg-slate-200/60" aria-busy="true" aria-label="Loading campaigns" />;
  if (q.data.campaigns.length === 0) {
    return (
      <Card>
        <div className="space-y-2 py-6 text-center text-sm text-slate-600" data-testid="campaigns-empty">
          <p className="font-medium text-slate-800">No labeling campaigns yet.</p>
          <p>A campaign asks an LLM to score a dataset&apos;s snippets 0–5 for educational value, with a cost estimate before it starts.</p>
          {canStart ? (
            <Link href="/campaigns/new" className="inline-block rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-500">Start a campaign</Link>
          ) : (
            <p className="text-slate-500">Only admins can start campaigns.</p>
          )}
        </div>
      </Card>
    );
  }
  return <CampaignsTable campaigns={q.data.campaigns} />;
}
