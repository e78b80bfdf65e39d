"use client";

import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { useCan } from "../user-context";
import { BenchmarkUploadForm } from "./benchmark-upload-form";
import { count, dateTime } from "./format";
import { useBenchmarks } from "./use-benchmarks";
import { useDeleteBenchmark } from "./use-delete-benchmark";

/** Imported benchmarks with item counts and current matches; admins upload and delete. */
export function BenchmarksCard() {
  const isAdmin = useCan("admin");
  const benchmarks = useBenchmarks();
  const del = useDeleteBenchmark();
  return (
    <Card title="Benchmarks">
      <div className="space-y-3">
        {benchmarks.error ? (
          <Alert tone="error">Could not load benchmarks: {benchmarks.error.message}</Alert>
        ) : !benchmarks.data ? (
          <div className="h-16 animate-pulse rounded bg-slate-100" aria-busy="true" aria-label="Loading benchmarks" />
        ) : benchmarks.data.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="benchmarks-empty">
            No benchmarks yet. Import HumanEval or MBPP (JSONL or .gz){isAdmin ? " below" : " — an admin can upload one"}, or from a terminal:{" "}
            <code className="font-mono text-xs">npx syllabus benchmark import HumanEval.jsonl.gz</code>
          </p>
        ) : (
          <table className="w-full text-sm" data-testid="benchmarks-table">
            <thead className="text-left text-[11px] font-medium tracking-wide text-slate-500 uppercase">
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1.5 pr-2">Name</th>
                <th scope="col" className="px-2 py-1.5 text-right">Items</th>
                <th scope="col" className="px-2 py-1.5 text-right">Flagged snippets</th>
                <th scope="col" className="px-2 py-1.5">Imported</th>
                {isAdmin && <th scope="col" className="py-1.5 pl-2"><span className="sr-only">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {benchmarks.data.map((b) => (
                <tr key={b.id} className="border-b border-slate-100" data-testid={`benchmark-row-${b.name}`}>
                  <td className="py-1.5 pr-2">
                    <div className="font-medium text-slate-800">{b.name}</div>
                    <div className="text-xs text-slate-500">{b.fileName}</div>
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums" data-testid="benchmark-items">{count(b.itemCount)}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums" data-testid="benchmark-flagged">{count(b.flaggedSnippets)}</td>
                  <td className="px-2 py-1.5 text-xs whitespace-nowrap text-slate-500">{dateTime(b.createdAt)}</td>
                  {isAdmin && (
                    <td className="py-1.5 pl-2 text-right">
                      <Button
                        variant="danger"
                        className="px-2 py-0.5 text-xs"
                        aria-label={`Delete benchmark ${b.name}`}
                        data-testid="benchmark-delete"
                        disabled={del.isPending}
                        onClick={() => {
                          if (window.confirm(`Delete benchmark “${b.name}” (${b.itemCount} items) and its matches? Snippets that matched nothing else are unflagged.`)) del.mutate(b.id);
                        }}
                      >
                        Delete
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {del.error && <Alert tone="error">{del.error.message}</Alert>}
        {isAdmin && <BenchmarkUploadForm />}
      </div>
    </Card>
  );
}
