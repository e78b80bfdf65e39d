"use client";

import { useDatasets } from "../datasets/use-datasets";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { useCan } from "../user-context";
import { ModelsTable } from "./models-table";
import { TrainForm } from "./train-form";
import { useModels } from "./use-models";

/** /models: the versions table, the train form for admins, and what training needs when there is nothing yet. */
export function ModelsView() {
  const isAdmin = useCan("admin");
  const models = useModels();
  const datasets = useDatasets();
  const trainCard = isAdmin && (
    <Card title="Train a model">
      {datasets.error ? (
        <Alert tone="error">Could not load datasets: {datasets.error.message}</Alert>
      ) : !datasets.data ? (
        <div className="h-24 animate-pulse rounded bg-slate-100" aria-busy="true" aria-label="Loading datasets" />
      ) : datasets.data.length === 0 ? (
        <p className="text-sm text-slate-600">No datasets yet: import snippets first (Datasets page).</p>
      ) : (
        <TrainForm datasets={datasets.data} />
      )}
    </Card>
  );

  if (models.error) return <Alert tone="error">Could not load models: {models.error.message}</Alert>;
  if (!models.data) return <div className="h-40 animate-pulse rounded-lg bg-slate-200/60" aria-busy="true" aria-label="Loading models" />;
  if (models.data.length === 0) {
    return (
      <div className="space-y-4">
        <Card>
          <div className="space-y-2 py-4 text-sm text-slate-600" data-testid="models-empty">
            <p className="font-medium text-slate-800">No classifier models yet.</p>
            <p>
              A model learns to predict P(high educational value) from code-structure features (and embeddings, when computed), so that every snippet
              gets a probability without an LLM call. Training needs labeled snippets of one dataset — LLM labels from a campaign, human labels
              from the spot-check (which take priority) — with at least 20 in all and some of each class (score at or above the threshold, and below).
            </p>
            <p>Training runs as a background job: cross-validation, the final forest, then (optionally) re-scoring every snippet.</p>
            {!isAdmin && <p className="text-slate-500">Only admins can train models.</p>}
          </div>
        </Card>
        {trainCard}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <ModelsTable models={models.data} />
      {trainCard}
    </div>
  );
}
