"use client";

import Link from "next/link";
import { formatDuration } from "@/lib/format-duration";
import type { CampaignView } from "@/lib/campaigns/types";
import { Card } from "../ui/card";
import { CampaignProgress } from "./campaign-progress";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { fmtInt, fmtTokens, fmtUsd } from "./format";

export function CampaignsTable({ campaigns }: { campaigns: CampaignView[] }) {
  return (
    <Card title="Campaigns">
      <div className="overflow-x-auto">
        <table className="w-full text-sm [&_td]:px-2 [&_th]:px-2" data-testid="campaigns-table">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="py-1">#</th><th>Dataset</th><th>Model · prompt</th><th>Status</th><th>Progress</th>
              <th className="text-right">Labeled</th><th className="text-right">Failed</th><th className="text-right">Tokens in/out</th>
              <th className="text-right">Spend</th><th>Started</th><th className="text-right">Duration</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id} className="border-t border-slate-100 align-top" data-testid={`campaign-row-${c.id}`}>
                <td className="py-2"><Link href={`/campaigns/${c.id}`} className="font-medium text-indigo-700 hover:underline">#{c.id}</Link></td>
                <td><Link href={`/datasets/${c.datasetId}`} className="text-indigo-700 hover:underline">{c.datasetName}</Link></td>
                <td className="font-mono text-xs">{c.model}<div className="text-slate-500">{c.promptVersion}{c.mode === "batch" ? " · batch" : ""}</div></td>
                <td><CampaignStatusBadge status={c.status} /></td>
                <td><CampaignProgress campaign={c} /></td>
                <td className="text-right tabular-nums">{fmtInt(c.labeled)}</td>
                <td className={`text-right tabular-nums ${c.failed ? "text-red-700" : ""}`}>{fmtInt(c.failed)}</td>
                <td className="text-right tabular-nums">{fmtTokens(c.inputTokens)} / {fmtTokens(c.outputTokens)}</td>
                <td className="text-right tabular-nums">{fmtUsd(c.costUsd)}</td>
                <td className="text-xs text-slate-500">{c.startedAt ? new Date(c.startedAt).toLocaleString() : "–"}</td>
                <td className="text-right text-xs tabular-nums text-slate-500">{c.durationSeconds !== null ? formatDuration(c.durationSeconds * 1000) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
