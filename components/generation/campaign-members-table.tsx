"use client";

import Link from "next/link";
import { Button } from "../ui/button";
import { useCampaignMembers } from "./use-campaign-members";

/** Every synthetic item of the campaign (generated or imported), with its constraints and review state. */
export function CampaignMembersTable({ campaignId, live }: { campaignId: number; live: boolean }) {
  const q = useCampaignMembers(campaignId, live);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  if (q.error) return <p className="text-sm text-red-700">{q.error.message}</p>;
  if (q.data && items.length === 0) return <p className="text-sm text-slate-500">No items in this campaign yet.</p>;
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto">
        <table className="w-full text-sm [&_td]:px-2 [&_th]:px-2" data-testid="campaign-members">
          <thead className="text-left text-xs text-slate-500">
            <tr><th className="py-1">Item</th><th>Kind</th><th>Topic</th><th>Audience</th><th>Function</th><th>Id</th><th>Review</th><th>Execution</th></tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.snippetId} className="border-t border-slate-100">
                <td className="max-w-72 truncate py-1.5"><Link href={`/synthetic/items/${i.snippetId}`} className="text-indigo-700 hover:underline">{i.title ?? i.functionName ?? `#${i.snippetId}`}</Link></td>
                <td className="text-xs">{i.kind}{i.imported && <span className="ml-1 text-slate-400">imported</span>}</td>
                <td className="max-w-48 truncate" title={i.topic ?? ""}>{i.topic ?? "–"}</td>
                <td className="max-w-48 truncate text-slate-600" title={i.audience ?? ""}>{i.audience ?? "–"}</td>
                <td className="font-mono text-xs">{i.functionName ?? "–"}</td>
                <td className="font-mono text-xs text-slate-500">{i.externalId ?? "–"}</td>
                <td className="text-xs">{i.reviewStatus}</td>
                <td className="text-xs">{i.execStatus ?? "not run"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {q.hasNextPage && <Button variant="secondary" onClick={() => q.fetchNextPage()} disabled={q.isFetchingNextPage}>{q.isFetchingNextPage ? "Loading…" : "Show more"}</Button>}
    </div>
  );
}
