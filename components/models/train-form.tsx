"use client";

import Link from "next/link";
import { useState } from "react";
import type { DatasetSummary } from "@/lib/datasets/types";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input, Select } from "../ui/field";
import { useTrainModel } from "./use-train-model";

/** Admin form: train a new model version on one dataset's labels. Empty fields take the API's defaults. */
export function TrainForm({ datasets }: { datasets: DatasetSummary[] }) {
  const train = useTrainModel();
  const [datasetId, setDatasetId] = useState(datasets[0]?.id ?? 0);
  const dataset = datasets.find((d) => d.id === datasetId);
  const [threshold, setThreshold] = useState("");
  const [trees, setTrees] = useState("100");
  const [folds, setFolds] = useState("5");
  const [maxDepth, setMaxDepth] = useState("");
  const [targetPrecision, setTargetPrecision] = useState("0.9");
  const [useEmbeddings, setUseEmbeddings] = useState(false);
  const [activate, setActivate] = useState(true);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    train.mutate({
      datasetId,
      ...(threshold && { threshold: Number(threshold) }),
      trees: Number(trees),
      folds: Number(folds),
      maxDepth: maxDepth ? Number(maxDepth) : null,
      targetPrecision: Number(targetPrecision),
      useEmbeddings,
      activate,
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3" data-testid="train-form">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <div className="col-span-2">
          <Field label="Dataset (its labels are the training data)">
            <Select value={datasetId} onChange={(e) => setDatasetId(Number(e.target.value))} data-testid="train-dataset" required>
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>{d.name} ({d.snippetCount.toLocaleString("en")} snippets)</option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="High value at score ≥" hint={dataset ? `dataset default: ${dataset.threshold}` : undefined}>
          <Select value={threshold} onChange={(e) => setThreshold(e.target.value)} data-testid="train-threshold">
            <option value="">Dataset default</option>
            {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n}</option>)}
          </Select>
        </Field>
        <Field label="Target precision" hint="the cut is chosen to reach it">
          <Input type="number" min={0.5} max={1} step={0.01} value={targetPrecision} onChange={(e) => setTargetPrecision(e.target.value)} required data-testid="train-target-precision" />
        </Field>
        <Field label="Trees">
          <Input type="number" min={1} max={1000} value={trees} onChange={(e) => setTrees(e.target.value)} required data-testid="train-trees" />
        </Field>
        <Field label="Cross-validation folds">
          <Input type="number" min={2} max={10} value={folds} onChange={(e) => setFolds(e.target.value)} required data-testid="train-folds" />
        </Field>
        <Field label="Max depth" hint="empty: unlimited">
          <Input type="number" min={1} max={64} value={maxDepth} onChange={(e) => setMaxDepth(e.target.value)} placeholder="unlimited" data-testid="train-max-depth" />
        </Field>
        <div className="flex flex-col justify-end gap-1.5 text-sm text-slate-700">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={useEmbeddings} onChange={(e) => setUseEmbeddings(e.target.checked)} data-testid="train-embeddings" />
            Use embeddings
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={activate} onChange={(e) => setActivate(e.target.checked)} data-testid="train-activate" />
            Activate after training
          </label>
        </div>
      </div>
      <p className="text-xs text-slate-500">
        Embeddings must be computed first (<code className="font-mono">classifier.embed</code> job, with an embeddings endpoint configured). Activating
        re-scores every snippet with the new model once it is trained.
      </p>
      {train.error && <Alert tone="error">{train.error.message}</Alert>}
      {train.data && (
        <Alert tone="success">
          Training <Link href={`/models/${train.data.model.id}`} className="font-medium underline">v{train.data.model.version}</Link> — job #{train.data.jobId} is queued; a worker picks it up.
        </Alert>
      )}
      <Button type="submit" disabled={train.isPending || !dataset} data-testid="train-submit">
        {train.isPending ? "Starting…" : "Train a new version"}
      </Button>
    </form>
  );
}
