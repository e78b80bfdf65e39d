"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { TEstimateCampaign } from "@/lib/campaigns/estimate-campaign";
import { useDatasetLanguages } from "../datasets/use-dataset-languages";
import { useDatasets } from "../datasets/use-datasets";
import { usePrompts } from "../prompts/use-prompts";
import { useLlmStatus } from "../settings/use-llm-status";
import { useDebouncedValue } from "../snippets/use-debounced-value";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Field, Input, Select } from "../ui/field";
import { useCan } from "../user-context";
import { EstimatePanel } from "./estimate-panel";
import { useCampaignEstimate } from "./use-campaign-estimate";
import { useCreateCampaign } from "./use-create-campaign";

type Form = {
  datasetId: number | null;
  scope: "unlabeled" | "all";
  language: string;
  limit: string;
  sample: "first" | "random";
  /** Empty: the labeling model from Settings. */
  model: string;
  /** Empty: the default prompt version. */
  promptVersion: string;
  concurrency: string;
  mode: "live" | "batch";
};

function toInput(f: Form): { input: TEstimateCampaign | null; problem: string | null } {
  if (f.datasetId === null) return { input: null, problem: null };
  const limit = f.limit.trim() ? Number(f.limit) : undefined;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) return { input: null, problem: "Limit must be a whole number ≥ 1, or empty for all." };
  const concurrency = Number(f.concurrency);
  if (!(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) return { input: null, problem: "Concurrency must be a whole number from 1 to 64." };
  if (/\s/.test(f.model.trim())) return { input: null, problem: "A model name has no spaces." };
  return {
    input: {
      datasetId: f.datasetId,
      filter: { scope: f.scope, language: f.language || undefined, limit, sample: f.sample },
      model: f.model.trim() || undefined,
      promptVersion: f.promptVersion || undefined,
      concurrency,
      mode: f.mode,
    },
    problem: null,
  };
}

export function NewCampaignForm({ initialDatasetId }: { initialDatasetId: number | null }) {
  const router = useRouter();
  const isAdmin = useCan("admin");
  const datasets = useDatasets();
  const llm = useLlmStatus();
  const prompts = usePrompts();
  const [form, setForm] = useState<Form>({ datasetId: initialDatasetId, scope: "unlabeled", language: "", limit: "", sample: "first", model: "", promptVersion: "", concurrency: "8", mode: "live" });
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const languages = useDatasetLanguages(form.datasetId);
  const { input, problem } = useMemo(() => toInput(form), [form]);
  const debounced = useDebouncedValue(input, 300);
  const estimate = useCampaignEstimate(debounced);
  const create = useCreateCampaign();

  const datasetList = datasets.data ?? [];
  const configured = llm.data?.configured ?? true;
  const canStart = isAdmin && configured && input !== null && !create.isPending && estimate.data !== undefined && estimate.data.count > 0 && !estimate.isError;

  const start = (e: React.FormEvent) => {
    e.preventDefault();
    if (!canStart || !input) return;
    create.mutate(input, { onSuccess: (r) => router.push(`/campaigns/${r.campaign.id}`) });
  };

  if (datasets.error) return <Alert tone="error">Could not load datasets: {datasets.error.message}</Alert>;
  if (datasets.data && datasetList.length === 0) {
    return <Alert tone="info">There are no datasets yet. <Link href="/imports" className="font-medium underline">Import a corpus</Link> first.</Alert>;
  }

  return (
    <form onSubmit={start} className="space-y-4" data-testid="new-campaign-form">
      {llm.data && !llm.data.configured && (
        <div data-testid="llm-not-configured">
          <Alert tone="warning">
            No LLM endpoint is configured, so a campaign cannot run yet. {isAdmin ? <Link href="/settings" className="font-medium underline">Configure one in Settings</Link> : "Ask an admin to configure one in Settings"} (an OpenAI key or any OpenAI-compatible server). The estimate below still works.
          </Alert>
        </div>
      )}
      {!isAdmin && <Alert tone="info">Only admins can start campaigns (they spend money); you can still see estimates.</Alert>}

      <Card title="What to label">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="Dataset">
            <Select value={form.datasetId ?? ""} onChange={(e) => setForm((f) => ({ ...f, datasetId: e.target.value ? Number(e.target.value) : null, language: "" }))} data-testid="campaign-dataset" required>
              <option value="">{datasets.isPending ? "Loading…" : "Choose a dataset"}</option>
              {datasetList.map((d) => (
                <option key={d.id} value={d.id}>{d.name} ({d.snippetCount.toLocaleString("en")})</option>
              ))}
            </Select>
          </Field>
          <Field label="Snippets" hint="Snippets already labeled by this model and prompt version are always left out.">
            <Select value={form.scope} onChange={(e) => set("scope", e.target.value as Form["scope"])} data-testid="campaign-scope">
              <option value="unlabeled">Without any LLM label</option>
              <option value="all">All (also those labeled by other models or prompts)</option>
            </Select>
          </Field>
          <Field label="Language">
            <Select value={form.language} onChange={(e) => set("language", e.target.value)} disabled={form.datasetId === null} data-testid="campaign-language">
              <option value="">All languages</option>
              {(languages.data ?? []).map((l) => (
                <option key={l.language} value={l.language}>{l.language} ({l.count.toLocaleString("en")})</option>
              ))}
            </Select>
          </Field>
          <div className="grid grid-cols-2 gap-2">
            <Field label="Limit" hint="Empty: all">
              <Input type="number" min={1} inputMode="numeric" value={form.limit} onChange={(e) => set("limit", e.target.value)} placeholder="all" data-testid="campaign-limit" />
            </Field>
            <Field label="Which ones">
              <Select value={form.sample} onChange={(e) => set("sample", e.target.value as Form["sample"])} data-testid="campaign-sample">
                <option value="first">First by id</option>
                <option value="random">Random sample</option>
              </Select>
            </Field>
          </div>
        </div>
      </Card>

      <Card title="How">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="Model" hint={llm.data ? `Default: ${llm.data.models.label}` : undefined}>
            <Input value={form.model} onChange={(e) => set("model", e.target.value)} placeholder={llm.data?.models.label ?? "default labeling model"} spellCheck={false} data-testid="campaign-model" />
          </Field>
          <Field label="Prompt version" hint={<Link href="/prompts" className="underline">See the prompts</Link>}>
            <Select value={form.promptVersion} onChange={(e) => set("promptVersion", e.target.value)} data-testid="campaign-prompt">
              <option value="">Default{prompts.data?.find((p) => p.isDefault) ? ` (${prompts.data.find((p) => p.isDefault)!.version})` : ""}</option>
              {(prompts.data ?? []).map((p) => (
                <option key={p.id} value={p.version}>{p.version}</option>
              ))}
            </Select>
          </Field>
          <Field label="Concurrency" hint="Requests in flight at once (1–64)">
            <Input type="number" min={1} max={64} value={form.concurrency} onChange={(e) => set("concurrency", e.target.value)} data-testid="campaign-concurrency" />
          </Field>
          <Field label="Mode" hint={form.mode === "batch" ? "Half price, results within 24 h" : "Results as they arrive"}>
            <Select value={form.mode} onChange={(e) => set("mode", e.target.value as Form["mode"])} data-testid="campaign-mode">
              <option value="live">Live (chat completions)</option>
              <option value="batch">Batch API</option>
            </Select>
          </Field>
        </div>
      </Card>

      <Card title="Estimate">
        {problem ? (
          <Alert tone="error">{problem}</Alert>
        ) : form.datasetId === null ? (
          <p className="text-sm text-slate-500">Choose a dataset to see what the campaign would cost.</p>
        ) : (
          <EstimatePanel estimate={estimate.data} loading={estimate.isFetching || debounced !== input} error={estimate.error} />
        )}
      </Card>

      {create.error && <Alert tone="error">{create.error.message}</Alert>}
      {estimate.data?.count === 0 && !problem && <Alert tone="info">Nothing to label with these settings.</Alert>}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={!canStart} data-testid="start-campaign">{create.isPending ? "Starting…" : "Start campaign"}</Button>
        <Link href="/campaigns" className="text-sm text-slate-600 hover:text-slate-900">Cancel</Link>
      </div>
    </form>
  );
}
