"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { ClusterMember } from "@/lib/diversity/get-cluster";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { CodeLines } from "./code-lines";
import { count, ratio } from "./format";
import { CLUSTER_PAGE, useClusters } from "./use-clusters";
import { useCluster } from "./use-cluster";

/**
 * Near-duplicate clusters of a report: the list (largest first, size and similarity) and the selected cluster's
 * representative beside one other member, differing lines tinted on both sides. Keys: j / k next / previous
 * cluster, ] / [ next / previous member.
 */
export function ClusterBrowser({ reportId }: { reportId: number }) {
  const [offset, setOffset] = useState(0);
  const [chosen, setSelected] = useState<number | null>(null);
  const [member, setMember] = useState(1);
  const list = useClusters(reportId, offset);
  const clusters = list.data?.clusters ?? [];
  // Until one is picked, the largest cluster of the page is shown.
  const selected = chosen ?? clusters[0]?.index ?? null;
  const detail = useCluster(reportId, selected);

  const members = detail.data?.members ?? [];
  const stored = list.data?.stored ?? 0;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.metaKey || e.ctrlKey || e.altKey || (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA" || t.isContentEditable))) return;
      if (selected === null) return;
      if (e.key === "j" && selected + 1 < stored) pick(selected + 1);
      else if (e.key === "k" && selected > 0) pick(selected - 1);
      else if (e.key === "]" && member + 1 < members.length) setMember(member + 1);
      else if (e.key === "[" && member > 1) setMember(member - 1);
      else return;
      e.preventDefault();
    };
    const pick = (index: number) => {
      setSelected(index);
      setMember(1);
      if (index < offset || index >= offset + CLUSTER_PAGE) setOffset(Math.floor(index / CLUSTER_PAGE) * CLUSTER_PAGE);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected, member, members.length, stored, offset]);

  if (list.isError) return <Alert tone="error">Clusters: {list.error.message}</Alert>;
  if (!list.data) return <div className="h-40 animate-pulse rounded bg-slate-100" role="status" aria-label="Loading clusters" />;
  if (list.data.total === 0) return <p className="text-sm text-slate-600" data-testid="clusters-empty">No near-duplicates at this threshold.</p>;

  const rep = members[0];
  const other = members[Math.min(member, members.length - 1)];
  const cluster = detail.data?.cluster;
  return (
    <div className="grid gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]" data-testid="cluster-browser">
      <div className="min-w-0">
        <div className="mb-1 text-xs text-slate-500">
          {count(list.data.total)} cluster{list.data.total === 1 ? "" : "s"}{list.data.stored < list.data.total ? `; the ${count(list.data.stored)} largest are kept` : ""}. Keys: j/k cluster, [/] member.
        </div>
        <ul className="max-h-[36rem] space-y-1 overflow-auto pr-1" aria-label="Near-duplicate clusters" data-testid="cluster-list">
          {clusters.map((c) => (
            <li key={c.index}>
              <button
                type="button"
                onClick={() => {
                  setSelected(c.index);
                  setMember(1);
                }}
                aria-current={selected === c.index ? "true" : undefined}
                className={`w-full rounded-md px-2 py-1.5 text-left text-xs ring-1 ${selected === c.index ? "bg-indigo-50 ring-indigo-300" : "bg-white ring-slate-200 hover:bg-slate-50"}`}
                data-testid="cluster-item"
              >
                <div className="flex justify-between gap-2">
                  <span className="font-medium text-slate-800">#{c.index + 1} · {c.size} items</span>
                  <span className="tabular-nums text-slate-600" title="estimated Jaccard similarity of the verified pairs: mean (min–max)">{ratio(c.similarity.mean, 2)}</span>
                </div>
                <div className="truncate text-slate-500">snippets {c.snippetIds.slice(0, 4).join(", ")}{c.size > 4 ? ", …" : ""}</div>
              </button>
            </li>
          ))}
        </ul>
        {list.data.stored > CLUSTER_PAGE && (
          <div className="mt-2 flex items-center justify-between text-xs">
            <Button variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - CLUSTER_PAGE))} data-testid="clusters-prev">Previous</Button>
            <span className="text-slate-500">{offset + 1}–{Math.min(offset + CLUSTER_PAGE, list.data.stored)} of {list.data.stored}</span>
            <Button variant="secondary" disabled={offset + CLUSTER_PAGE >= list.data.stored} onClick={() => setOffset(offset + CLUSTER_PAGE)} data-testid="clusters-next">Next</Button>
          </div>
        )}
      </div>
      <div className="min-w-0" data-testid="cluster-detail">
        {detail.isError ? (
          <Alert tone="error">Cluster: {detail.error.message}</Alert>
        ) : !detail.data || !rep || !other ? (
          <div className="h-64 animate-pulse rounded bg-slate-100" role="status" aria-label="Loading cluster" />
        ) : (
          <>
            <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <span className="font-medium text-slate-800">Cluster #{detail.data.index + 1}: {cluster!.size} items</span>
              <span>similarity {ratio(cluster!.similarity.min, 2)}–{ratio(cluster!.similarity.max, 2)} (mean {ratio(cluster!.similarity.mean, 2)}, estimated Jaccard)</span>
              {cluster!.size > members.length && <span>showing the first {members.length}</span>}
            </div>
            {members.length > 2 && (
              <div className="mb-2 flex flex-wrap gap-1" role="tablist" aria-label="Compare the representative with">
                {members.slice(1).map((m, k) => (
                  <button
                    key={m.snippetId}
                    type="button"
                    role="tab"
                    aria-selected={member === k + 1}
                    onClick={() => setMember(k + 1)}
                    className={`rounded px-2 py-0.5 text-xs ring-1 ${member === k + 1 ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
                    data-testid="cluster-member-tab"
                  >
                    #{m.snippetId} · {ratio(m.similarity, 2)}
                  </button>
                ))}
              </div>
            )}
            <div className="grid gap-3 xl:grid-cols-2">
              <MemberPane title="Representative (kept)" member={rep} changed={other.representativeChanged} testId="cluster-left" />
              <MemberPane title={`Near-duplicate · ${ratio(other.similarity, 2)} similar`} member={other} changed={other.changed} testId="cluster-right" />
            </div>
          </>
        )}
      </div>
    </div>
  );
}

function MemberPane({ title, member, changed, testId }: { title: string; member: ClusterMember; changed: number[]; testId: string }) {
  return (
    <div className="min-w-0" data-testid={testId}>
      <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2 text-xs">
        <span className="font-medium text-slate-700">{title}</span>
        {member.exists && member.datasetId !== null ? (
          <Link href={member.kind ? `/synthetic/items/${member.snippetId}` : `/review/${member.datasetId}?snippet=${member.snippetId}`} className="text-indigo-700 hover:underline" data-testid={`${testId}-link`}>
            snippet #{member.snippetId} →
          </Link>
        ) : (
          <span className="text-slate-400">snippet #{member.snippetId} (deleted)</span>
        )}
      </div>
      <div className="mb-1 truncate text-xs text-slate-500" title={member.title ?? member.path ?? ""}>
        {[member.kind, member.title ?? member.path, `${member.lineCount} lines`, changed.length ? `${changed.length} differing` : "no differing lines"].filter(Boolean).join(" · ")}
      </div>
      {member.exists ? <CodeLines member={member} changed={changed} testId={`${testId}-code`} /> : null}
    </div>
  );
}
