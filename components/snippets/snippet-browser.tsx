"use client";

import { useMemo } from "react";
import { useDatasets } from "../datasets/use-datasets";
import { useActiveModel } from "../models/use-active-model";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { SnippetFiltersBar } from "./snippet-filters-bar";
import { SnippetTable, SnippetTableSkeleton } from "./snippet-table";
import { useSnippetCount } from "./use-snippet-count";
import { PAGE_SIZE, useSnippetUrlState } from "./use-snippet-url-state";
import { useSnippets } from "./use-snippets";

const fmt = new Intl.NumberFormat("en");

/** The snippet table: filters and position in the URL, one keyset page at a time. */
export function SnippetBrowser() {
  const { state, filterQuery, apiQuery, setFilters, goTo, clear } = useSnippetUrlState();
  const datasets = useDatasets();
  const activeModel = useActiveModel();
  const classifier = activeModel.data ? { version: activeModel.data.version, cut: activeModel.data.cut } : null;
  const page = useSnippets(apiQuery);
  const datasetNames = useMemo(() => new Map((datasets.data ?? []).map((d) => [d.id, d.name])), [datasets.data]);
  const data = page.data;
  // The page carries the total when it is free; otherwise one capped count per filter set (never for a search).
  const needCount = !page.isPlaceholderData && data !== undefined && data.total === null && !state.q;
  const count = useSnippetCount(filterQuery, needCount);

  let summary: string | null = null;
  if (data) {
    const total = data.total ?? (state.q ? null : count.data?.total ?? null);
    const capped = data.total === null && !!count.data?.capped;
    if (total !== null) summary = `${fmt.format(total)}${capped ? "+" : ""} snippet${total === 1 && !capped ? "" : "s"}`;
    else if (state.q) summary = `Matches for “${state.q}”`;
    else if (count.isFetching) summary = "Counting…";
  }
  const first = (state.page - 1) * PAGE_SIZE + 1;

  return (
    <div className="space-y-3">
      <SnippetFiltersBar state={state} datasets={datasets.data ?? []} cut={classifier?.cut ?? null} onChange={setFilters} onClear={clear} />
      {page.isError && <Alert tone="error">{page.error.message}</Alert>}
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
        <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-3 py-2 text-xs text-slate-600">
          <span data-testid="snippet-total" aria-live="polite">
            {summary ?? "\u00a0"}
            {data && data.items.length > 0 && (
              <span className="text-slate-400"> · showing {fmt.format(first)}–{fmt.format(first + data.items.length - 1)}{data.scanned !== null ? " (so far)" : ""}</span>
            )}
          </span>
          {page.isFetching && data && <span className="text-slate-400" role="status">Updating…</span>}
        </div>
        {data?.scanned !== null && data?.scanned !== undefined && (
          <div className="border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900" data-testid="search-partial">
            {state.q ? "Text search" : "The repository filter"} reads snippets in order and stops after about a quarter second: this page examined {fmt.format(data.scanned)} snippets
            {data.items.length < PAGE_SIZE ? ` and found ${data.items.length}` : ""}. Use <strong>Next</strong> to keep searching, or narrow the search with filters.
          </div>
        )}
        {!data ? (
          <SnippetTableSkeleton />
        ) : data.items.length === 0 ? (
          <div className="px-6 py-12 text-center" data-testid="snippets-empty">
            {datasets.data && datasets.data.length === 0 ? (
              <p className="text-sm text-slate-600">No datasets yet. Import snippets first (see the Datasets page).</p>
            ) : data.scanned !== null ? (
              <p className="text-sm text-slate-600">No matches in this stretch. Use Next to search further.</p>
            ) : (
              <>
                <p className="text-sm font-medium text-slate-700">No snippets match these filters.</p>
                <Button variant="secondary" className="mt-3" onClick={clear}>Clear filters</Button>
              </>
            )}
          </div>
        ) : (
          <div className={`overflow-x-auto transition-opacity ${page.isPlaceholderData ? "opacity-60" : ""}`}>
            <SnippetTable rows={data.items} datasetNames={datasetNames} showDataset={!state.dataset} classifier={classifier} />
          </div>
        )}
        <nav className="flex items-center justify-between gap-3 border-t border-slate-200 px-3 py-2" aria-label="Pagination">
          <Button variant="ghost" className="text-xs" disabled={!state.cursor} onClick={() => goTo(null, 1)} data-testid="first-page">
            « First
          </Button>
          <span className="text-xs text-slate-500">Page {state.page}</span>
          <div className="flex gap-2">
            <Button variant="secondary" className="text-xs" disabled={!data?.prevCursor || page.isPlaceholderData} onClick={() => goTo(data!.prevCursor, state.page - 1)} data-testid="prev-page">
              ‹ Previous
            </Button>
            <Button variant="secondary" className="text-xs" disabled={!data?.nextCursor || page.isPlaceholderData} onClick={() => goTo(data!.nextCursor, state.page + 1)} data-testid="next-page">
              Next ›
            </Button>
          </div>
        </nav>
      </div>
    </div>
  );
}
