"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { GENERATION_LIMITS, type TGenerationCampaignInput } from "@/lib/synthetic/campaign-input";
import { STARTER_AUDIENCES, STARTER_FUNCTION_NAMES, STARTER_TOPICS } from "@/lib/synthetic/starter-lists";
import type { CampaignKind, FunctionNameMode, PlanStrategy } from "@/lib/synthetic/types";
import { usePrompts } from "../prompts/use-prompts";
import { useLlmStatus } from "../settings/use-llm-status";
import { useDebouncedValue } from "../snippets/use-debounced-value";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Field, Input, inputClass, Select } from "../ui/field";
import { useCan } from "../user-context";
import { GenerationEstimatePanel } from "./generation-estimate-panel";
import { useCreateGenerationCampaign } from "./use-create-generation-campaign";
import { useGenerationEstimate } from "./use-generation-estimate";
import { useSyntheticDatasets } from "./use-synthetic-datasets";

const NEW_DATASET = "new";

type Form = {
  dataset: string;
  newDatasetName: string;
  name: string;
  kind: CampaignKind;
  exerciseShare: string;
  topics: string;
  audiences: string;
  functionNameMode: FunctionNameMode;
  functionNames: string;
  textbookPromptVersion: string;
  exercisePromptVersion: string;
  model: string;
  temperature: string;
  maxTokens: string;
  count: string;
  concurrency: string;
  strategy: PlanStrategy;
  seed: string;
};

const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);
const randomSeed = () => String(1 + Math.floor(Math.random() * 1_000_000));

function toInput(f: Form): { input: TGenerationCampaignInput | null; problem: string | null } {
  const fail = (problem: string) => ({ input: null, problem });
  const count = Number(f.count);
  if (!(Number.isInteger(count) && count >= 1 && count <= GENERATION_LIMITS.maxCount)) return fail(`Count must be a whole number from 1 to ${GENERATION_LIMITS.maxCount.toLocaleString("en")}.`);
  const concurrency = Number(f.concurrency);
  if (!(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) return fail("Concurrency must be a whole number from 1 to 64.");
  const temperature = Number(f.temperature);
  if (!(f.temperature.trim() && temperature >= 0 && temperature <= 2)) return fail("Temperature must be between 0 and 2.");
  const maxTokens = Number(f.maxTokens);
  if (!(Number.isInteger(maxTokens) && maxTokens >= 64 && maxTokens <= 32_000)) return fail("Max tokens must be a whole number from 64 to 32,000.");
  const seed = Number(f.seed);
  if (!(Number.isInteger(seed) && seed >= 1 && seed <= GENERATION_LIMITS.maxSeed)) return fail("The seed must be a whole number ≥ 1.");
  const share = Number(f.exerciseShare) / 100;
  if (f.kind === "mixed" && !(share >= 0 && share <= 1)) return fail("The share of exercises must be 0–100 %.");
  const topics = lines(f.topics);
  if (topics.length === 0) return fail("Give at least one topic (one per line).");
  if (/\s/.test(f.model.trim())) return fail("A model name has no spaces.");
  if (f.dataset === "") return fail("Choose a dataset, or a name for a new one.");
  if (f.dataset === NEW_DATASET && !f.newDatasetName.trim()) return fail("Name the new dataset.");
  const functionNames = lines(f.functionNames);
  if (f.kind !== "textbook" && f.functionNameMode === "list" && functionNames.length === 0) return fail("List some function names (one per line), or let them be generated.");
  return {
    input: {
      ...(f.dataset === NEW_DATASET ? { datasetName: f.newDatasetName.trim() } : { datasetId: Number(f.dataset) }),
      name: f.name.trim() || undefined,
      kind: f.kind,
      topics,
      audiences: lines(f.audiences),
      functionNameMode: f.functionNameMode,
      functionNames: f.functionNameMode === "list" ? functionNames : [],
      textbookPromptVersion: f.kind !== "exercise" ? f.textbookPromptVersion || undefined : undefined,
      exercisePromptVersion: f.kind !== "textbook" ? f.exercisePromptVersion || undefined : undefined,
      model: f.model.trim() || undefined,
      temperature,
      maxTokens,
      count,
      concurrency,
      plan: { strategy: f.strategy, seed, ...(f.kind === "mixed" ? { exerciseShare: share } : {}) },
    },
    problem: null,
  };
}

/** The "New campaign" form: constraint lists, prompts, model and plan, with a live estimate. */
export function NewGenerationForm({ initialDatasetId }: { initialDatasetId: number | null }) {
  const router = useRouter();
  const isAdmin = useCan("admin");
  const datasets = useSyntheticDatasets();
  const llm = useLlmStatus();
  const textbookPrompts = usePrompts("textbook");
  const exercisePrompts = usePrompts("exercise");
  const [form, setForm] = useState<Form>(() => ({
    dataset: initialDatasetId ? String(initialDatasetId) : NEW_DATASET,
    newDatasetName: "synthetic",
    name: "",
    kind: "textbook",
    exerciseShare: "50",
    topics: STARTER_TOPICS.slice(0, 6).join("\n"),
    audiences: STARTER_AUDIENCES.slice(0, 3).join("\n"),
    functionNameMode: "generated",
    functionNames: "",
    textbookPromptVersion: "",
    exercisePromptVersion: "",
    model: "",
    temperature: String(GENERATION_LIMITS.defaultTemperature),
    maxTokens: String(GENERATION_LIMITS.defaultMaxTokens),
    count: "36",
    concurrency: String(GENERATION_LIMITS.defaultConcurrency),
    strategy: "balanced",
    seed: randomSeed(),
  }));
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const { input, problem } = useMemo(() => toInput(form), [form]);
  const debounced = useDebouncedValue(input, 400);
  const estimate = useGenerationEstimate(debounced);
  const create = useCreateGenerationCampaign();
  const configured = llm.data?.configured ?? true;
  const canStart = isAdmin && configured && input !== null && !create.isPending && estimate.data !== undefined && !estimate.isError;
  const wantsExercises = form.kind !== "textbook";
  const wantsTextbooks = form.kind !== "exercise";

  const start = (e: React.FormEvent) => {
    e.preventDefault();
    if (!canStart || !input) return;
    create.mutate(input, { onSuccess: (r) => router.push(`/synthetic/campaigns/${r.campaign.id}`) });
  };

  const listField = (key: "topics" | "audiences" | "functionNames", label: string, starter: readonly string[], hint: string) => (
    <Field
      label={`${label} (${lines(form[key]).length})`}
      hint={
        <>
          {hint}{" "}
          <button type="button" className="text-indigo-700 underline" onClick={() => set(key, starter.join("\n"))} data-testid={`starter-${key}`}>
            Use our starter list
          </button>
        </>
      }
    >
      <textarea rows={8} value={form[key]} onChange={(e) => set(key, e.target.value)} className={`${inputClass} font-mono text-xs`} spellCheck={false} data-testid={`campaign-${key}`} />
    </Field>
  );

  return (
    <form onSubmit={start} className="space-y-4" data-testid="new-generation-form">
      {llm.data && !llm.data.configured && (
        <div data-testid="llm-not-configured">
          <Alert tone="warning">
            No LLM endpoint is configured, so generation cannot run yet. {isAdmin ? <Link href="/settings" className="font-medium underline">Configure one in Settings</Link> : "Ask an admin to configure one in Settings"}. The estimate below still works,
            and JSONL files generated elsewhere can be imported into a campaign without one.
          </Alert>
        </div>
      )}
      {!isAdmin && <Alert tone="info">Only admins can start campaigns (they spend money); you can still see estimates.</Alert>}

      <Card title="Where and what">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <Field label="Dataset" hint="A synthetic (textbook/exercise) dataset, or a new one.">
            <Select value={form.dataset} onChange={(e) => set("dataset", e.target.value)} data-testid="campaign-dataset">
              <option value={NEW_DATASET}>New dataset…</option>
              {(datasets.data ?? []).map((d) => (
                <option key={d.id} value={d.id}>{d.name} ({(d.items.textbook + d.items.exercise).toLocaleString("en")} items)</option>
              ))}
            </Select>
          </Field>
          {form.dataset === NEW_DATASET ? (
            <Field label="New dataset name">
              <Input value={form.newDatasetName} onChange={(e) => set("newDatasetName", e.target.value)} maxLength={100} data-testid="campaign-new-dataset" />
            </Field>
          ) : (
            <div />
          )}
          <Field label="Kind">
            <Select value={form.kind} onChange={(e) => set("kind", e.target.value as CampaignKind)} data-testid="campaign-kind">
              <option value="textbook">Textbook sections</option>
              <option value="exercise">Exercises</option>
              <option value="mixed">Both (mixed)</option>
            </Select>
          </Field>
          <Field label="Name" hint="Optional">
            <Input value={form.name} onChange={(e) => set("name", e.target.value)} maxLength={200} data-testid="campaign-name" />
          </Field>
          {form.kind === "mixed" && (
            <Field label="Exercises (%)" hint="Share of the items that are exercises">
              <Input type="number" min={0} max={100} value={form.exerciseShare} onChange={(e) => set("exerciseShare", e.target.value)} data-testid="campaign-exercise-share" />
            </Field>
          )}
        </div>
      </Card>

      <Card title="Constraints (one per line)">
        <div className={`grid grid-cols-1 gap-4 ${wantsExercises ? "lg:grid-cols-3" : "lg:grid-cols-2"}`}>
          {listField("topics", "Topics", STARTER_TOPICS, "Each item is about one topic.")}
          {listField("audiences", "Audiences / professions", STARTER_AUDIENCES, "Who it is written for; empty: a student learning to program.")}
          {wantsExercises && (
            <div className="space-y-2">
              <Field label="Function names">
                <Select value={form.functionNameMode} onChange={(e) => set("functionNameMode", e.target.value as FunctionNameMode)} data-testid="campaign-function-mode">
                  <option value="generated">Generated from each topic (verb_noun, unique, seeded)</option>
                  <option value="list">From my list</option>
                </Select>
              </Field>
              {form.functionNameMode === "list" && listField("functionNames", "Names", STARTER_FUNCTION_NAMES, "snake_case; reused round-robin when fewer than the exercises.")}
            </div>
          )}
        </div>
      </Card>

      <Card title="How">
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          {wantsTextbooks && (
            <Field label="Textbook prompt" hint={<Link href="/prompts?task=textbook" className="underline">See the prompts</Link>}>
              <Select value={form.textbookPromptVersion} onChange={(e) => set("textbookPromptVersion", e.target.value)} data-testid="campaign-textbook-prompt">
                <option value="">Default{textbookPrompts.data?.find((p) => p.isDefault) ? ` (${textbookPrompts.data.find((p) => p.isDefault)!.version})` : ""}</option>
                {(textbookPrompts.data ?? []).map((p) => <option key={p.id} value={p.version}>{p.version}</option>)}
              </Select>
            </Field>
          )}
          {wantsExercises && (
            <Field label="Exercise prompt" hint={<Link href="/prompts?task=exercise" className="underline">See the prompts</Link>}>
              <Select value={form.exercisePromptVersion} onChange={(e) => set("exercisePromptVersion", e.target.value)} data-testid="campaign-exercise-prompt">
                <option value="">Default{exercisePrompts.data?.find((p) => p.isDefault) ? ` (${exercisePrompts.data.find((p) => p.isDefault)!.version})` : ""}</option>
                {(exercisePrompts.data ?? []).map((p) => <option key={p.id} value={p.version}>{p.version}</option>)}
              </Select>
            </Field>
          )}
          <Field label="Model" hint={llm.data ? `Default: ${llm.data.models.generate}` : undefined}>
            <Input value={form.model} onChange={(e) => set("model", e.target.value)} placeholder={llm.data?.models.generate ?? "default generation model"} spellCheck={false} data-testid="campaign-model" />
          </Field>
          <div className="grid grid-cols-2 gap-2">
            <Field label="Temperature">
              <Input type="number" step="0.1" min={0} max={2} value={form.temperature} onChange={(e) => set("temperature", e.target.value)} data-testid="campaign-temperature" />
            </Field>
            <Field label="Max tokens">
              <Input type="number" min={64} max={32000} value={form.maxTokens} onChange={(e) => set("maxTokens", e.target.value)} data-testid="campaign-max-tokens" />
            </Field>
          </div>
          <Field label="Count" hint="Items to generate">
            <Input type="number" min={1} max={GENERATION_LIMITS.maxCount} value={form.count} onChange={(e) => set("count", e.target.value)} data-testid="campaign-count" />
          </Field>
          <Field label="Sampling plan" hint={form.strategy === "balanced" ? "Every cell used equally often (±1)" : "Each item draws a cell at random"}>
            <Select value={form.strategy} onChange={(e) => set("strategy", e.target.value as PlanStrategy)} data-testid="campaign-strategy">
              <option value="balanced">Balanced over the grid</option>
              <option value="random">Random draws</option>
            </Select>
          </Field>
          <Field label="Seed" hint={<button type="button" className="underline" onClick={() => set("seed", randomSeed())}>New seed</button>}>
            <Input type="number" min={1} value={form.seed} onChange={(e) => set("seed", e.target.value)} data-testid="campaign-seed" />
          </Field>
          <Field label="Concurrency" hint="Requests in flight at once (1–64)">
            <Input type="number" min={1} max={64} value={form.concurrency} onChange={(e) => set("concurrency", e.target.value)} data-testid="campaign-concurrency" />
          </Field>
        </div>
      </Card>

      <Card title="Estimate">
        {problem ? <Alert tone="error">{problem}</Alert> : <GenerationEstimatePanel estimate={estimate.data} loading={estimate.isFetching || debounced !== input} error={estimate.error} />}
      </Card>

      {create.error && <Alert tone="error">{create.error.message}</Alert>}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={!canStart} data-testid="start-generation">{create.isPending ? "Starting…" : "Start campaign"}</Button>
        <Link href="/synthetic" className="text-sm text-slate-600 hover:text-slate-900">Cancel</Link>
      </div>
    </form>
  );
}
