"use client";

import Link from "next/link";
import { Fragment, useState } from "react";
import type { CampaignItemView } from "@/lib/campaigns/types";
import { Button } from "../ui/button";
import { useFailedItems } from "./use-failed-items";

/** Failed items with their reason; a row opens to show the raw reply the model sent, when there was one. */
export function FailedItemsTable({ campaignId, firstPage, total }: { campaignId: number; firstPage: { items: CampaignItemView[]; nextAfter: number | null }; total: number }) {
  const [open, setOpen] = useState<number | null>(null);
  const [more, setMore] = useState(false);
  const pages = useFailedItems(campaignId, more);
  const items = more && pages.data ? pages.data.pages.flatMap((p) => p.items) : firstPage.items;
  const hasMore = more ? pages.hasNextPage : firstPage.nextAfter !== null;
  if (total === 0) return <p className="text-sm text-slate-500" data-testid="no-failed-items">No failed snippets.</p>;
  return (
    <div className="space-y-2">
      <table className="w-full text-sm [&_td]:px-2 [&_th]:px-2" data-testid="failed-items">
        <thead className="text-left text-xs text-slate-500">
          <tr><th className="py-1">Snippet</th><th>Reason</th><th className="text-right">Requests</th><th>Raw reply</th></tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <Fragment key={item.id}>
              <tr className="border-t border-slate-100 align-top" data-testid="failed-item">
                <td className="py-1.5 font-mono text-xs"><Link href={`/snippets?snippet=${item.snippetId}`} className="text-indigo-700 hover:underline">{item.snippetId}</Link></td>
                <td className="text-red-700">{item.error}</td>
                <td className="text-right tabular-nums">{item.attempts}</td>
                <td>
                  {item.rawReply !== null ? (
                    <button type="button" className="text-xs text-indigo-700 underline decoration-dotted" aria-expanded={open === item.id} onClick={() => setOpen(open === item.id ? null : item.id)} data-testid="toggle-raw-reply">
                      {open === item.id ? "hide" : "show"}
                    </button>
                  ) : (
                    <span className="text-xs text-slate-400">none received</span>
                  )}
                </td>
              </tr>
              {open === item.id && item.rawReply !== null && (
                <tr><td colSpan={4}><pre className="max-h-64 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 font-mono text-xs text-slate-800" data-testid="raw-reply">{item.rawReply}</pre></td></tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {hasMore && (
        <Button variant="secondary" onClick={() => (more ? pages.fetchNextPage() : setMore(true))} disabled={pages.isFetching}>
          {pages.isFetching ? "Loading…" : `Show more (${total - items.length} left)`}
        </Button>
      )}
      {pages.error && <p className="text-sm text-red-700">{pages.error.message}</p>}
    </div>
  );
}
