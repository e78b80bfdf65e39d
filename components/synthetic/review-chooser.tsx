"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { syntheticApi, syntheticKeys } from "./synthetic-api";

/** Datasets holding synthetic items, with their review counts: where /synthetic/review starts without ?dataset=. */
export function ReviewChooser() {
  const q = useQuery({ queryKey: syntheticKeys.datasets(), queryFn: syntheticApi.datasets });
  if (q.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (q.error) return <p className="text-sm text-red-700" role="alert">{q.error.message}</p>;
  if (!q.data.datasets.length)
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600 shadow-sm" data-testid="no-synthetic">
        No synthetic items yet. Generate some on the <Link href="/synthetic" className="text-indigo-700 underline">Synthetic</Link> page, or import a JSONL file:{" "}
        <code className="font-mono text-xs">npx syllabus import items.jsonl --dataset my-set --kind exercise</code>
      </div>
    );
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="review-datasets">
        <thead className="bg-slate-50 text-left text-xs text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Dataset</th>
            <th className="px-4 py-2 text-right font-medium">Items</th>
            <th className="px-4 py-2 text-right font-medium">Pending</th>
            <th className="px-4 py-2 text-right font-medium">Approved</th>
            <th className="px-4 py-2 text-right font-medium">Rejected</th>
            <th className="px-4 py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {q.data.datasets.map((d) => (
            <tr key={d.id} data-testid="review-dataset-row">
              <td className="px-4 py-2 font-medium text-slate-800">{d.name}</td>
              <td className="px-4 py-2 text-right tabular-nums">{d.items.toLocaleString()}</td>
              <td className="px-4 py-2 text-right tabular-nums">{d.pending.toLocaleString()}</td>
              <td className="px-4 py-2 text-right text-emerald-700 tabular-nums">{d.approved.toLocaleString()}</td>
              <td className="px-4 py-2 text-right text-red-700 tabular-nums">{d.rejected.toLocaleString()}</td>
              <td className="px-4 py-2 text-right">
                <Link href={`/synthetic/review?dataset=${d.id}`} className="rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-500" data-testid={`review-dataset-${d.id}`}>
                  Review
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
