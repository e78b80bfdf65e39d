"use client";

import { useQueries } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { LanguageCount } from "@/lib/datasets/types";
import type { TExportSpec } from "@/lib/export/types";
import { api } from "../api";
import { datasetKeys } from "../datasets/query-keys";
import { useDatasets } from "../datasets/use-datasets";
import { useModels } from "../models/use-models";
import { useDebouncedValue } from "../snippets/use-debounced-value";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Field, Input, Select } from "../ui/field";
import { useCan } from "../user-context";
import { ExportPreviewPanel } from "./export-preview-panel";
import { fmtInt } from "./format";
import { useCreateExport } from "./use-create-export";
import { useExportPreview } from "./use-export-preview";

type Mode = "model" | "llm" | "human" | "all";

type Form = {
  datasetIds: number[];
  /** null until chosen: the classifier when a model is active, else LLM score. */
  mode: Mode | null;
  /** Empty: the active model. */
  modelId: string;
  /** Empty: the model's own cut. */
  cut: string;
  minLlmScore: string;
  excludeHumanRejected: boolean;
  includeSynthetic: boolean;
  excludeContaminated: boolean;
  excludeNearDuplicates: boolean;
  minTokens: string;
  maxTokens: string;
  languages: string[];
  validationPercent: string;
  format: "parquet" | "jsonl";
  shardUnit: "rows" | "MB";
  shardSize: string;
  seed: string;
  name: string;
};

const INITIAL: Form = {
  datasetIds: [],
  mode: null,
  modelId: "",
  cut: "",
  minLlmScore: "3",
  excludeHumanRejected: true,
  includeSynthetic: false,
  excludeContaminated: true,
  excludeNearDuplicates: false,
  minTokens: "",
  maxTokens: "",
  languages: [],
  validationPercent: "0",
  format: "parquet",
  shardUnit: "MB",
  shardSize: "500",
  seed: "",
  name: "",
};

const wholeOrEmpty = (s: string) => s.trim() === "" || /^\d+$/.test(s.trim());

/** The form as an ExportSpec, or the first problem with it (shown instead of a preview). */
function toSpec(f: Form & { mode: Mode }): { spec: TExportSpec | null; problem: string | null } {
  if (f.datasetIds.length === 0) return { spec: null, problem: null };
  if (!wholeOrEmpty(f.minTokens) || !wholeOrEmpty(f.maxTokens)) return { spec: null, problem: "Token bounds are whole numbers (or empty)." };
  const minTokens = f.minTokens.trim() ? Number(f.minTokens) : undefined;
  const maxTokens = f.maxTokens.trim() ? Number(f.maxTokens) : undefined;
  if (minTokens !== undefined && maxTokens !== undefined && minTokens > maxTokens) return { spec: null, problem: "The minimum token count is above the maximum." };
  const cut = f.cut.trim() ? Number(f.cut) : undefined;
  if (cut !== undefined && !(cut >= 0 && cut <= 1)) return { spec: null, problem: "The cut is a probability from 0 to 1." };
  const pct = Number(f.validationPercent || 0);
  if (!(pct >= 0 && pct <= 50)) return { spec: null, problem: "The validation share is 0–50 %." };
  const size = Number(f.shardSize);
  if (!(size > 0) || (f.shardUnit === "rows" && !Number.isInteger(size))) return { spec: null, problem: f.shardUnit === "rows" ? "Rows per shard is a whole number ≥ 1." : "Shard size is a positive number of MB." };
  if (!wholeOrEmpty(f.seed) || (f.seed.trim() && Number(f.seed) > 2 ** 31 - 1)) return { spec: null, problem: "The seed is a whole number from 0 to 2147483647 (or empty for a random one)." };
  if (f.name.includes("/") || f.name.includes("\\")) return { spec: null, problem: "A name cannot contain slashes." };
  const filter: TExportSpec["filter"] =
    f.mode === "model"
      ? { mode: "model", modelId: f.modelId ? Number(f.modelId) : undefined, cut }
      : f.mode === "llm"
        ? { mode: "llm", minLlmScore: Number(f.minLlmScore) }
        : { mode: f.mode };
  return {
    spec: {
      datasetIds: f.datasetIds,
      filter,
      excludeHumanRejected: f.excludeHumanRejected,
      includeSynthetic: f.includeSynthetic,
      excludeContaminated: f.excludeContaminated,
      excludeNearDuplicates: f.excludeNearDuplicates,
      minTokens,
      maxTokens,
      languages: f.languages,
      split: { validationFraction: Math.round(pct * 100) / 10_000 },
      shard: f.shardUnit === "rows" ? { rows: size } : { bytes: Math.max(1024, Math.round(size * 1_000_000)) },
      format: f.format,
      seed: f.seed.trim() ? Number(f.seed) : undefined,
      name: f.name.trim() || undefined,
    },
    problem: null,
  };
}

/** Languages of the chosen datasets, merged (counts added). */
function useLanguages(datasetIds: number[]): LanguageCount[] {
  const results = useQueries({
    queries: datasetIds.map((id) => ({
      queryKey: datasetKeys.languages(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api<{ languages: LanguageCount[] }>(`/api/datasets/${id}/languages`, { signal }).then((r) => r.languages),
      staleTime: 60_000,
    })),
  });
  const merged = new Map<string, number>();
  for (const r of results) for (const l of r.data ?? []) merged.set(l.language, (merged.get(l.language) ?? 0) + l.count);
  return [...merged.entries()].map(([language, count]) => ({ language, count })).sort((a, b) => b.count - a.count);
}

function Toggle({ checked, onChange, label, hint, testId }: { checked: boolean; onChange: (v: boolean) => void; label: string; hint: string; testId: string }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span>
        <span className="font-medium text-slate-800">{label}</span>
        <span className="block text-xs text-slate-500">{hint}</span>
      </span>
    </label>
  );
}

/** The export builder: datasets, filter, exclusions, split and shards, with a live preview, then "Run export". */
export function ExportBuilder() {
  const router = useRouter();
  const isAdmin = useCan("admin");
  const datasets = useDatasets();
  const models = useModels();
  const [form, setForm] = useState<Form>(INITIAL);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const readyModels = (models.data ?? []).filter((m) => m.status === "ready");
  const active = readyModels.find((m) => m.active);
  const mode: Mode = form.mode ?? (active || !models.data ? "model" : "llm");
  const { spec, problem } = useMemo(() => toSpec({ ...form, mode }), [form, mode]);
  const debounced = useDebouncedValue(spec, 350);
  const preview = useExportPreview(debounced);
  const create = useCreateExport();
  const languages = useLanguages(form.datasetIds);
  const chosenModel = form.modelId ? readyModels.find((m) => m.id === Number(form.modelId)) : active;
  const stale = debounced !== spec;
  const canRun = isAdmin && spec !== null && !stale && !preview.isFetching && !preview.isError && (preview.data?.rows ?? 0) > 0 && !create.isPending;

  const run = (e: React.FormEvent) => {
    e.preventDefault();
    if (!canRun || !spec) return;
    create.mutate(spec, { onSuccess: (created) => router.push(`/exports/${created.id}`) });
  };
  const toggleIn = (list: number[] | string[], value: number | string) => (list as (number | string)[]).includes(value) ? (list as (number | string)[]).filter((v) => v !== value) : [...list, value];

  if (datasets.error) return <Alert tone="error">Could not load datasets: {datasets.error.message}</Alert>;
  if (datasets.data && datasets.data.length === 0) {
    return <Alert tone="info">There are no datasets yet. <Link href="/imports" className="font-medium underline">Import a corpus</Link> first.</Alert>;
  }

  return (
    <form onSubmit={run} className="space-y-4" data-testid="export-builder">
      {!isAdmin && <Alert tone="info">Only admins can run exports (they write files on the server); you can still preview them.</Alert>}
      <Card title="Datasets">
        {!datasets.data ? (
          <div className="h-12 animate-pulse rounded bg-slate-100" aria-busy="true" aria-label="Loading datasets" />
        ) : (
          <fieldset className="flex flex-wrap gap-x-5 gap-y-2" aria-label="Datasets">
            {datasets.data.map((d) => (
              <label key={d.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
                  checked={form.datasetIds.includes(d.id)}
                  onChange={() => setForm((f) => ({ ...f, datasetIds: toggleIn(f.datasetIds, d.id) as number[], languages: [] }))}
                  data-testid={`export-dataset-${d.id}`}
                  data-name={d.name}
                />
                <span className="font-medium text-slate-800">{d.name}</span>
                <span className="text-xs text-slate-500">{d.kind} · {fmtInt(d.snippetCount)}</span>
              </label>
            ))}
          </fieldset>
        )}
      </Card>

      <Card title="Which snippets">
        <div className="space-y-4">
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Field label="Quality filter">
              <Select value={mode} onChange={(e) => set("mode", e.target.value as Mode)} data-testid="export-filter-mode">
                <option value="model">Classifier P(high) ≥ cut</option>
                <option value="llm">LLM score ≥ k</option>
                <option value="human">Human-approved only</option>
                <option value="all">No quality filter</option>
              </Select>
            </Field>
            {mode === "model" && (
              <>
                <Field label="Model" hint={readyModels.length === 0 ? "No trained model yet: train one on the Models page." : undefined}>
                  <Select value={form.modelId} onChange={(e) => set("modelId", e.target.value)} data-testid="export-model">
                    <option value="">{active ? `Active model (v${active.version})` : "Active model (none)"}</option>
                    {readyModels.map((m) => (
                      <option key={m.id} value={m.id}>v{m.version}{m.active ? " (active)" : ""}{m.datasetName ? ` · ${m.datasetName}` : ""}</option>
                    ))}
                  </Select>
                </Field>
                <Field label="Cut" hint={chosenModel?.cut != null ? `Empty: the model's cut ${chosenModel.cut.toFixed(3)}` : "A probability 0–1"}>
                  <Input type="number" min={0} max={1} step={0.01} value={form.cut} onChange={(e) => set("cut", e.target.value)} placeholder={chosenModel?.cut != null ? chosenModel.cut.toFixed(3) : "0.5"} data-testid="export-cut" />
                </Field>
              </>
            )}
            {mode === "llm" && (
              <Field label="Minimum LLM score">
                <Select value={form.minLlmScore} onChange={(e) => set("minLlmScore", e.target.value)} data-testid="export-min-llm-score">
                  {[0, 1, 2, 3, 4, 5].map((k) => <option key={k} value={k}>≥ {k}</option>)}
                </Select>
              </Field>
            )}
            {mode === "human" && <p className="self-end text-xs text-slate-500 sm:col-span-2">Snippets whose median human score (an “agree” counts as the LLM score shown) is at or above their dataset&apos;s threshold.</p>}
          </div>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Toggle checked={form.excludeHumanRejected} onChange={(v) => set("excludeHumanRejected", v)} label="Exclude human-rejected" hint="Median human score below the dataset's threshold" testId="export-exclude-rejected" />
            <Toggle checked={form.includeSynthetic} onChange={(v) => set("includeSynthetic", v)} label="Include approved synthetic items" hint="Pending and rejected synthetic items are never exported" testId="export-include-synthetic" />
            <Toggle checked={form.excludeContaminated} onChange={(v) => set("excludeContaminated", v)} label="Exclude contaminated" hint="Benchmark matches, unless a reviewer overrode the flag" testId="export-exclude-contaminated" />
            <Toggle checked={form.excludeNearDuplicates} onChange={(v) => set("excludeNearDuplicates", v)} label="Exclude near-duplicates" hint="Keep only each cluster's representative" testId="export-exclude-near-dups" />
          </div>
          <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            <Field label="Min tokens">
              <Input type="number" min={0} inputMode="numeric" value={form.minTokens} onChange={(e) => set("minTokens", e.target.value)} placeholder="none" data-testid="export-min-tokens" />
            </Field>
            <Field label="Max tokens">
              <Input type="number" min={1} inputMode="numeric" value={form.maxTokens} onChange={(e) => set("maxTokens", e.target.value)} placeholder="none" data-testid="export-max-tokens" />
            </Field>
          </div>
          {languages.length > 0 && (
            <fieldset aria-label="Languages">
              <legend className="mb-1 text-xs font-medium text-slate-600">Languages {form.languages.length === 0 && <span className="font-normal text-slate-500">(none ticked: all)</span>}</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-1.5">
                {languages.slice(0, 40).map((l) => (
                  <label key={l.language} className="flex items-center gap-1.5 text-sm">
                    <input type="checkbox" className="h-4 w-4 rounded border-slate-300 text-indigo-600" checked={form.languages.includes(l.language)} onChange={() => setForm((f) => ({ ...f, languages: toggleIn(f.languages, l.language) as string[] }))} data-testid={`export-language-${l.language}`} />
                    <span className="font-mono text-xs">{l.language}</span>
                    <span className="text-xs text-slate-400">{fmtInt(l.count)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
        </div>
      </Card>

      <Card title="Output">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-6">
          <Field label="Format">
            <Select value={form.format} onChange={(e) => set("format", e.target.value as Form["format"])} data-testid="export-format">
              <option value="parquet">Parquet (Snappy)</option>
              <option value="jsonl">JSONL.gz</option>
            </Select>
          </Field>
          <Field label="Shard size" hint={form.shardUnit === "MB" ? "Content per shard, uncompressed" : "Rows per shard"}>
            <div className="flex gap-1.5">
              <Input type="number" min={1} value={form.shardSize} onChange={(e) => set("shardSize", e.target.value)} data-testid="export-shard-size" />
              <Select value={form.shardUnit} onChange={(e) => set("shardUnit", e.target.value as Form["shardUnit"])} className="w-24" aria-label="Shard size unit" data-testid="export-shard-unit">
                <option value="MB">MB</option>
                <option value="rows">rows</option>
              </Select>
            </div>
          </Field>
          <Field label="Validation split %" hint="Held out from the shuffled order">
            <Input type="number" min={0} max={50} step={0.5} value={form.validationPercent} onChange={(e) => set("validationPercent", e.target.value)} data-testid="export-validation-percent" />
          </Field>
          <Field label="Seed" hint="Empty: random (recorded)">
            <Input type="number" min={0} inputMode="numeric" value={form.seed} onChange={(e) => set("seed", e.target.value)} placeholder="random" data-testid="export-seed" />
          </Field>
          <div className="lg:col-span-2">
            <Field label="Name" hint="Default: the dataset names">
              <Input value={form.name} maxLength={100} onChange={(e) => set("name", e.target.value)} placeholder="python-edu-v1" data-testid="export-name-input" />
            </Field>
          </div>
        </div>
      </Card>

      <Card title="Preview">
        {problem ? (
          <Alert tone="error">{problem}</Alert>
        ) : spec === null ? (
          <p className="text-sm text-slate-500" data-testid="export-preview-empty">Choose one or more datasets to see what the export would contain.</p>
        ) : (
          <ExportPreviewPanel preview={preview.data} loading={preview.isFetching || stale} error={preview.error} />
        )}
      </Card>

      {create.error && <Alert tone="error">{create.error.message}</Alert>}
      {preview.data?.rows === 0 && !problem && spec && <Alert tone="info">Nothing matches this filter.</Alert>}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={!canRun} data-testid="run-export">{create.isPending ? "Starting…" : "Run export"}</Button>
        {spec && preview.data && preview.data.rows > 0 && <span className="text-xs text-slate-500">Writes {fmtInt(preview.data.rows)} rows into ≈ {fmtInt(preview.data.shards)} shards under the data directory.</span>}
      </div>
    </form>
  );
}
