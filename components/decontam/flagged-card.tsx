"use client";

import type { BenchmarkView } from "@/lib/decontam/types";
import type { DatasetSummary } from "@/lib/datasets/types";
import { useState } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Select } from "../ui/field";
import { FlaggedTable } from "./flagged-table";
import { count } from "./format";
import { useFlaggedSnippets, type FlaggedFilters } from "./use-flagged-snippets";

/** The flagged list with its filters (dataset from the URL, benchmark, override state) and "Load more". */
export function FlaggedCard(props: {
  datasets: DatasetSummary[];
  benchmarks: BenchmarkView[];
  datasetId: number | null;
  onDataset: (id: number | null) => void;
  selected: number | null;
  onOpen: (id: number) => void;
}) {
  const [benchmarkId, setBenchmarkId] = useState<number | null>(null);
  const [override, setOverride] = useState<FlaggedFilters["override"]>("all");
  const flagged = useFlaggedSnippets({ datasetId: props.datasetId, benchmarkId, override });
  const items = flagged.data?.pages.flatMap((p) => p.items) ?? [];
  const total = flagged.data?.pages[0]?.total;
  return (
    <Card
      title={
        <span>
          Flagged snippets{" "}
          {total !== undefined && (
            <span className="font-normal text-slate-500" data-testid="flagged-total">
              ({count(total)})
            </span>
          )}
        </span>
      }
    >
      <div className="space-y-3">
        <div className="flex flex-wrap gap-2">
          <Select className="w-auto" value={props.datasetId ?? ""} onChange={(e) => props.onDataset(e.target.value ? Number(e.target.value) : null)} aria-label="Filter by dataset" data-testid="flagged-dataset">
            <option value="">All datasets</option>
            {props.datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
          <Select className="w-auto" value={benchmarkId ?? ""} onChange={(e) => setBenchmarkId(e.target.value ? Number(e.target.value) : null)} aria-label="Filter by benchmark" data-testid="flagged-benchmark">
            <option value="">All benchmarks</option>
            {props.benchmarks.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </Select>
          <Select className="w-auto" value={override} onChange={(e) => setOverride(e.target.value as FlaggedFilters["override"])} aria-label="Filter by export decision" data-testid="flagged-override">
            <option value="all">Excluded and overridden</option>
            <option value="excluded">Excluded from exports</option>
            <option value="overridden">Kept by override</option>
          </Select>
        </div>
        {flagged.error ? (
          <Alert tone="error">Could not load flagged snippets: {flagged.error.message}</Alert>
        ) : !flagged.data ? (
          <div className="h-24 animate-pulse rounded bg-slate-100" aria-busy="true" aria-label="Loading flagged snippets" />
        ) : items.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="flagged-empty">No flagged snippets{props.datasetId || benchmarkId || override !== "all" ? " match these filters" : ""}.</p>
        ) : (
          <>
            <FlaggedTable items={items} selected={props.selected} onOpen={props.onOpen} />
            {flagged.hasNextPage && (
              <Button variant="secondary" onClick={() => void flagged.fetchNextPage()} disabled={flagged.isFetchingNextPage} data-testid="flagged-more">
                {flagged.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
