"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ModelDetail } from "@/lib/classifier/types";
import { useDatasets } from "../datasets/use-datasets";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Select } from "../ui/field";
import { useActivateModel } from "./use-activate-model";
import { useDeleteModel } from "./use-delete-model";
import { useScoreModel } from "./use-score-model";

/**
 * Admin actions on one model: activate (re-score everything, then switch), re-score (the active model
 * refreshes the snippets' probability; another model scores for comparison only), delete (not the active one).
 */
export function ModelActions({ model }: { model: ModelDetail }) {
  const router = useRouter();
  const datasets = useDatasets();
  const activate = useActivateModel(model.id);
  const score = useScoreModel(model.id);
  const remove = useDeleteModel(model.id);
  const [datasetId, setDatasetId] = useState("");
  const activating = model.scoreRuns.some((r) => r.activate && (r.status === "queued" || r.status === "running"));
  const error = activate.error ?? score.error ?? remove.error;
  if (model.status !== "ready") {
    return model.status === "failed" && !model.active ? (
      <Button variant="danger" onClick={() => confirm(`Delete v${model.version}?`) && remove.mutate(undefined, { onSuccess: () => router.push("/models") })} disabled={remove.isPending} data-testid="delete-model">
        Delete
      </Button>
    ) : null;
  }
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {!model.active && (
        <Button onClick={() => activate.mutate()} disabled={activate.isPending || activating} data-testid="activate-model"
          title="Re-score every snippet with this model; it becomes active when the run finishes">
          {activating ? "Activating…" : "Activate"}
        </Button>
      )}
      <Select className="w-44 py-1 text-xs" value={datasetId} onChange={(e) => setDatasetId(e.target.value)} aria-label="Datasets to re-score" data-testid="rescore-dataset">
        <option value="">All datasets</option>
        {(datasets.data ?? []).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
      </Select>
      <Button variant="secondary" onClick={() => score.mutate({ datasetId: datasetId ? Number(datasetId) : undefined, activate: model.active })} disabled={score.isPending} data-testid="rescore-model"
        title={model.active ? "Refresh the snippets' probability (e.g. after an import)" : "Score for comparison; the snippets' probability stays the active model's"}>
        Re-score
      </Button>
      {!model.active && (
        <Button variant="danger" onClick={() => confirm(`Delete v${model.version} and its scores?`) && remove.mutate(undefined, { onSuccess: () => router.push("/models") })} disabled={remove.isPending} data-testid="delete-model">
          Delete
        </Button>
      )}
      {error && <div className="basis-full"><Alert tone="error">{error.message}</Alert></div>}
    </div>
  );
}
