"use client";

import Link from "next/link";
import { Fragment, useState } from "react";
import { Button } from "../ui/button";
import { fmtInt, fmtUsd } from "./format";
import { useGenerationItems } from "./use-generation-items";

type Filter = "" | "pending" | "generated" | "failed";
const FILTERS: { value: Filter; label: string }[] = [
  { value: "", label: "All" },
  { value: "generated", label: "Generated" },
  { value: "failed", label: "Failed" },
  { value: "pending", label: "Pending" },
];
const STATUS_STYLE: Record<string, string> = { pending: "bg-slate-100 text-slate-700", generated: "bg-emerald-100 text-emerald-800", failed: "bg-red-100 text-red-800" };

/** The campaign's planned items with their constraints; a failed row opens to show the reason and raw reply. */
export function GenerationItemsTable({ campaignId, datasetId, live }: { campaignId: number; datasetId: number; live: boolean }) {
  const [filter, setFilter] = useState<Filter>("");
  const [open, setOpen] = useState<number | null>(null);
  const q = useGenerationItems(campaignId, filter, live);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = q.data?.pages[0]?.counts;
  return (
    <div className="space-y-2">
      <div className="flex gap-1" role="tablist" aria-label="Item status">
        {FILTERS.map((f) => (
          <button
            key={f.value || "all"}
            type="button"
            role="tab"
            aria-selected={filter === f.value}
            onClick={() => setFilter(f.value)}
            className={`rounded px-2.5 py-1 text-xs ${filter === f.value ? "bg-slate-800 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
            data-testid={`items-filter-${f.value || "all"}`}
          >
            {f.label}
            {counts && f.value && ` (${fmtInt(counts[f.value])})`}
          </button>
        ))}
      </div>
      {q.error && <p className="text-sm text-red-700">{q.error.message}</p>}
      <div className="overflow-x-auto">
        <table className="w-full text-sm [&_td]:px-2 [&_th]:px-2" data-testid="generation-items">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="py-1">#</th><th>Kind</th><th>Topic</th><th>Audience</th><th>Function</th><th>Status</th><th>Result</th>
              <th className="text-right">Tokens in/out</th><th className="text-right">Cost</th><th className="text-right">Tries</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <Fragment key={i.id}>
                <tr className="border-t border-slate-100 align-top" data-testid={`generation-item-${i.position + 1}`}>
                  <td className="py-1.5 tabular-nums text-slate-500">{i.position + 1}</td>
                  <td className="text-xs">{i.kind}</td>
                  <td className="max-w-48 truncate" title={i.topic}>{i.topic}</td>
                  <td className="max-w-48 truncate text-slate-600" title={i.audience ?? ""}>{i.audience ?? "–"}</td>
                  <td className="font-mono text-xs">{i.functionName ?? "–"}</td>
                  <td><span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[i.status]}`} data-testid="item-status">{i.status}</span></td>
                  <td className="max-w-80 text-xs">
                    {i.status === "failed" ? (
                      <button type="button" className="text-left text-red-700 hover:underline" onClick={() => setOpen(open === i.id ? null : i.id)} aria-expanded={open === i.id} data-testid="item-error">
                        {i.error}
                      </button>
                    ) : i.snippetId !== null ? (
                      <span className="space-x-2">
                        <Link href={`/synthetic/items/${i.snippetId}`} className="text-indigo-700 hover:underline" data-testid="item-link">{i.title ?? `snippet #${i.snippetId}`}</Link>
                        {i.reviewStatus && <span className="text-slate-500">{i.reviewStatus}</span>}
                        {i.linkedExisting && <span className="rounded bg-amber-100 px-1 text-amber-900" title="The reply was identical to an existing snippet; the item links to it">duplicate</span>}
                        <Link href={`/synthetic/review?dataset=${datasetId}&campaign=${campaignId}`} className="text-slate-500 hover:underline">review</Link>
                      </span>
                    ) : (
                      <span className="text-slate-400">waiting</span>
                    )}
                  </td>
                  <td className="text-right text-xs tabular-nums">{i.inputTokens !== null ? `${fmtInt(i.inputTokens)} / ${fmtInt(i.outputTokens ?? 0)}` : "–"}</td>
                  <td className="text-right text-xs tabular-nums">{i.costUsd !== null ? fmtUsd(i.costUsd) : "–"}</td>
                  <td className="text-right text-xs tabular-nums">{i.attempts}</td>
                </tr>
                {open === i.id && (
                  <tr>
                    <td colSpan={10} className="pb-2">
                      <div className="text-xs font-medium uppercase tracking-wide text-slate-500">Raw reply</div>
                      <pre className="max-h-72 overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-2 font-mono text-xs text-slate-800 ring-1 ring-slate-200" data-testid="item-raw-reply">{i.rawReply ?? "(no reply arrived)"}</pre>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
        {items.length === 0 && q.data && <p className="py-3 text-sm text-slate-500">No items{filter ? ` ${filter}` : ""}.</p>}
      </div>
      {q.hasNextPage && (
        <Button variant="secondary" onClick={() => q.fetchNextPage()} disabled={q.isFetchingNextPage}>{q.isFetchingNextPage ? "Loading…" : "Show more"}</Button>
      )}
    </div>
  );
}
