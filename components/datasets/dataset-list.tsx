"use client";

import { Alert } from "../ui/alert";
import { DatasetCard } from "./dataset-card";
import { EmptyDatasets } from "./empty-datasets";
import { DatasetCardSkeleton } from "./skeleton";
import { useDatasets } from "./use-datasets";

export function DatasetList() {
  const datasets = useDatasets();
  if (datasets.isPending) {
    return (
      <div className="space-y-3" aria-busy="true" aria-label="Loading datasets">
        <DatasetCardSkeleton />
        <DatasetCardSkeleton />
      </div>
    );
  }
  if (datasets.isError) return <Alert tone="error">Could not load datasets: {datasets.error.message}</Alert>;
  if (datasets.data.length === 0) return <EmptyDatasets />;
  return (
    <div className="space-y-3" data-testid="dataset-list">
      {datasets.data.map((d) => (
        <DatasetCard key={d.id} dataset={d} />
      ))}
    </div>
  );
}
