"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useDatasets } from "../datasets/use-datasets";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { useCan } from "../user-context";
import { BenchmarksCard } from "./benchmarks-card";
import { CheckForm } from "./check-form";
import { FlaggedCard } from "./flagged-card";
import { MatchViewer } from "./match-viewer";
import { decontamKeys } from "./query-keys";
import { RunsTable } from "./runs-table";
import { useBenchmarks } from "./use-benchmarks";
import { useDecontamRuns } from "./use-decontam-runs";
import { useDecontamUrl } from "./use-decontam-url";

/** /decontam[?dataset=<id>][&snippet=<id>]: benchmarks, the check form, runs, flagged snippets and the side-by-side view. */
export function DecontamView() {
  const url = useDecontamUrl();
  const canRun = useCan("annotator");
  const datasets = useDatasets();
  const benchmarks = useBenchmarks();
  const runs = useDecontamRuns(url.datasetId);
  useRefreshWhenRunsFinish(runs.data);

  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-2">
        <BenchmarksCard />
        <Card title="Check a dataset">
          {!canRun ? (
            <p className="text-sm text-slate-600">Annotators and admins can start a check. Everything here is visible to you.</p>
          ) : datasets.error ? (
            <Alert tone="error">Could not load datasets: {datasets.error.message}</Alert>
          ) : !datasets.data || !benchmarks.data ? (
            <div className="h-32 animate-pulse rounded bg-slate-100" aria-busy="true" aria-label="Loading the check form" />
          ) : datasets.data.length === 0 ? (
            <p className="text-sm text-slate-600">No datasets yet: import snippets first.</p>
          ) : (
            <CheckForm key={url.datasetId ?? "all"} datasets={datasets.data} benchmarks={benchmarks.data} datasetId={url.datasetId} />
          )}
        </Card>
      </div>
      <Card title="Runs">
        {runs.error ? <Alert tone="error">Could not load runs: {runs.error.message}</Alert> : !runs.data ? <div className="h-20 animate-pulse rounded bg-slate-100" aria-busy="true" aria-label="Loading runs" /> : <RunsTable runs={runs.data} />}
      </Card>
      {url.snippetId !== null && <MatchViewer key={url.snippetId} snippetId={url.snippetId} onClose={() => url.openSnippet(null)} />}
      <FlaggedCard datasets={datasets.data ?? []} benchmarks={benchmarks.data ?? []} datasetId={url.datasetId} onDataset={url.setDataset} selected={url.snippetId} onOpen={(id) => url.openSnippet(id)} />
    </div>
  );
}

/**
 * A run that just finished changed flags and matches: refresh the flagged list, benchmarks and open snippet.
 * "Just finished" = finished now and not in the previous list, so a run that ends before any poll saw it running
 * (a small dataset) still counts; the first list only sets the baseline.
 */
function useRefreshWhenRunsFinish(runs: { id: number; status: string }[] | undefined) {
  const qc = useQueryClient();
  const finishedBefore = useRef<Set<number> | null>(null);
  useEffect(() => {
    if (!runs) return;
    const finished = new Set(runs.filter((r) => r.status !== "queued" && r.status !== "running").map((r) => r.id));
    const seen = finishedBefore.current;
    finishedBefore.current = finished;
    if (seen && [...finished].some((id) => !seen.has(id))) {
      void qc.invalidateQueries({ queryKey: [...decontamKeys.all, "flagged"] });
      void qc.invalidateQueries({ queryKey: decontamKeys.benchmarks() });
      void qc.invalidateQueries({ queryKey: [...decontamKeys.all, "snippet"] });
    }
  }, [runs, qc]);
}
