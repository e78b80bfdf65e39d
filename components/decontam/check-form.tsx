"use client";

import { useState } from "react";
import type { DatasetSummary } from "@/lib/datasets/types";
import type { BenchmarkView } from "@/lib/decontam/types";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input, Select } from "../ui/field";
import { useCreateDecontamRun } from "./use-create-decontam-run";

/**
 * "Check dataset": a dataset (or all), the n-gram size, the minimum shared n-grams and which benchmarks
 * (none ticked: all). Starts a `decontam.run` job; the runs table follows it.
 */
export function CheckForm({ datasets, benchmarks, datasetId }: { datasets: DatasetSummary[]; benchmarks: BenchmarkView[]; datasetId: number | null }) {
  const create = useCreateDecontamRun();
  const [dataset, setDataset] = useState<string>(datasetId ? String(datasetId) : (datasets[0] ? String(datasets[0].id) : "all"));
  const [ngram, setNgram] = useState("13");
  const [minShared, setMinShared] = useState("1");
  const [chosen, setChosen] = useState<number[]>([]);
  const [started, setStarted] = useState<string | null>(null);
  const n = Number(ngram);
  const m = Number(minShared);
  const invalid = !Number.isInteger(n) || n < 3 || n > 50 ? "n-gram size must be a whole number from 3 to 50" : !Number.isInteger(m) || m < 1 || m > 1000 ? "minimum shared n-grams must be 1–1000" : null;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (invalid || benchmarks.length === 0) return;
    setStarted(null);
    create.mutate(
      { datasetId: dataset === "all" ? null : Number(dataset), ngram: n, minShared: m, benchmarkIds: chosen },
      { onSuccess: (r) => setStarted(`Run #${r.run.id} queued (job ${r.jobId}); a worker runs it.`) },
    );
  }

  return (
    <form onSubmit={submit} className="space-y-3" data-testid="check-form" aria-label="Check dataset">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Dataset">
          <Select value={dataset} onChange={(e) => setDataset(e.target.value)} data-testid="check-dataset" aria-label="Dataset to check">
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.snippetCount.toLocaleString("en")})
              </option>
            ))}
            <option value="all">All datasets</option>
          </Select>
        </Field>
        <Field label="n-gram size (words)" hint="13 is the usual choice.">
          <Input type="number" min={3} max={50} value={ngram} onChange={(e) => setNgram(e.target.value)} data-testid="check-ngram" aria-label="n-gram size" />
        </Field>
        <Field label="Min. shared n-grams">
          <Input type="number" min={1} max={1000} value={minShared} onChange={(e) => setMinShared(e.target.value)} data-testid="check-min-shared" aria-label="Minimum shared n-grams" />
        </Field>
      </div>
      {benchmarks.length > 0 && (
        <fieldset className="space-y-1">
          <legend className="text-xs font-medium text-slate-600">Benchmarks (none ticked: all)</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {benchmarks.map((b) => (
              <label key={b.id} className="flex items-center gap-1.5 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={chosen.includes(b.id)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, b.id] : c.filter((x) => x !== b.id)))}
                  data-testid={`check-benchmark-${b.name}`}
                />
                {b.name} <span className="text-xs text-slate-500">({b.itemCount})</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {benchmarks.length === 0 && <Alert tone="info">Import a benchmark first.</Alert>}
      {invalid && <Alert tone="error">{invalid}</Alert>}
      {create.error && <Alert tone="error">{create.error.message}</Alert>}
      {started && <Alert tone="success">{started}</Alert>}
      <Button type="submit" disabled={Boolean(invalid) || benchmarks.length === 0 || datasets.length === 0 || create.isPending} data-testid="check-submit">
        {create.isPending ? "Starting…" : "Check dataset"}
      </Button>
      <p className="text-xs text-slate-500">
        Words are runs of letters, digits and <code>_</code>, lowercased (punctuation and indentation ignored). A benchmark prompt or solution of 50+ characters found whole (case and whitespace
        normalized) also counts, however few words it has.
      </p>
    </form>
  );
}
