"use client";

import { useState } from "react";
import type { DatasetSummary } from "@/lib/datasets/types";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input, inputClass } from "../ui/field";
import { useUpdateDataset } from "./use-update-dataset";

/** Admins edit description, labels per snippet and threshold; everyone else sees the values read-only. */
export function DatasetSettingsForm({ dataset, editable }: { dataset: DatasetSummary; editable: boolean }) {
  const update = useUpdateDataset(dataset.id);
  const [description, setDescription] = useState(dataset.description);
  const [labelsPerSnippet, setLabelsPerSnippet] = useState(String(dataset.labelsPerSnippet));
  const [threshold, setThreshold] = useState(String(dataset.threshold));
  const [saved, setSaved] = useState(false);

  if (!editable) {
    return (
      <dl className="grid grid-cols-[10rem_1fr] gap-y-2 text-sm" data-testid="dataset-settings-readonly">
        <dt className="text-slate-500">Description</dt>
        <dd className="whitespace-pre-wrap text-slate-800">{dataset.description || <span className="italic text-slate-400">none</span>}</dd>
        <dt className="text-slate-500">Labels per snippet</dt>
        <dd className="text-slate-800">{dataset.labelsPerSnippet}</dd>
        <dt className="text-slate-500">High-value threshold</dt>
        <dd className="text-slate-800">score ≥ {dataset.threshold}</dd>
        <dd className="col-span-2 pt-1 text-xs text-slate-500">Only admins can change these settings.</dd>
      </dl>
    );
  }

  const n = Number(labelsPerSnippet);
  const t = Number(threshold);
  const invalid = !Number.isInteger(n) || n < 1 || n > 20 ? "Labels per snippet must be a whole number from 1 to 20." : null;
  const dirty = description.trim() !== dataset.description || n !== dataset.labelsPerSnippet || t !== dataset.threshold;

  return (
    <form
      className="space-y-3"
      data-testid="dataset-settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (invalid) return;
        setSaved(false);
        update.mutate({ description: description.trim(), labelsPerSnippet: n, threshold: t }, { onSuccess: () => setSaved(true) });
      }}
    >
      <Field label="Description">
        <textarea
          name="description"
          rows={3}
          maxLength={5000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          className={inputClass}
          placeholder="What is in this dataset, where it came from"
        />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Labels per snippet" hint="Distinct annotators wanted per snippet">
          <Input name="labelsPerSnippet" type="number" min={1} max={20} step={1} required value={labelsPerSnippet} onChange={(e) => setLabelsPerSnippet(e.target.value)} />
        </Field>
        <Field label="High-value threshold" hint="Scores at or above it count as high value">
          <select name="threshold" value={threshold} onChange={(e) => setThreshold(e.target.value)} className={`${inputClass} pr-8`}>
            {[0, 1, 2, 3, 4, 5].map((v) => (
              <option key={v} value={v}>score ≥ {v}</option>
            ))}
          </select>
        </Field>
      </div>
      {invalid && <Alert tone="error">{invalid}</Alert>}
      {update.error && <Alert tone="error">{update.error.message}</Alert>}
      {saved && !dirty && <Alert tone="success">Settings saved.</Alert>}
      <div className="flex justify-end">
        <Button type="submit" disabled={!dirty || !!invalid || update.isPending} data-testid="save-dataset-settings">
          {update.isPending ? "Saving…" : "Save settings"}
        </Button>
      </div>
    </form>
  );
}
