import Link from "next/link";
import type { ReviewItem } from "@/lib/synthetic/review/types";

/** Constraints the item was generated under, where it came from, and the contamination / near-duplicate flags. */
export function ItemFacts({ item }: { item: ReviewItem }) {
  const rows: [string, React.ReactNode][] = [
    ["Kind", item.kind],
    ["Topic", item.topic ?? "—"],
    ["Audience", item.audience ?? "—"],
    ["Function", item.functionName ? <code className="font-mono text-xs">{item.functionName}</code> : "—"],
    ["Campaign", item.campaign ? `${item.campaign.name} (#${item.campaign.id})` : "—"],
    ["Version", <span key="v" data-testid="item-version">v{item.version}</span>],
    ["Snippet", <Link key="s" href={`/synthetic/items/${item.snippetId}`} className="font-mono text-xs text-indigo-700 hover:underline" data-testid="item-link">#{item.snippetId}</Link>],
  ];
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label="Constraints" data-testid="item-facts">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="min-w-0 truncate text-slate-800">{v}</dd>
          </div>
        ))}
      </dl>
      {(item.contaminated || item.nearDupOf) && (
        <div className="mt-3 space-y-1.5">
          {item.contaminated && (
            <Link href={`/decontam?snippet=${item.snippetId}`} className="block rounded-md bg-red-50 px-2.5 py-1.5 text-xs text-red-800 ring-1 ring-red-200 hover:bg-red-100" data-testid="flag-contaminated">
              Contaminated: overlaps a benchmark item — see the matches →
            </Link>
          )}
          {item.nearDupOf && (
            <Link href={`/synthetic/items/${item.nearDupOf.snippetId}`} className="block rounded-md bg-amber-50 px-2.5 py-1.5 text-xs text-amber-900 ring-1 ring-amber-200 hover:bg-amber-100" data-testid="flag-near-dup">
              Near-duplicate of #{item.nearDupOf.snippetId}{item.nearDupOf.title ? ` “${item.nearDupOf.title}”` : ""} →
            </Link>
          )}
        </div>
      )}
    </section>
  );
}
