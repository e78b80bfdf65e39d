"use client";

import { useState } from "react";
import type { LlmSettingsView } from "@/lib/llm/describe-llm-settings";
import type { TSaveLlmSettings } from "@/lib/llm/save-llm-settings";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";
import { ApiKeyField, type KeyEdit } from "./api-key-field";
import { ConnectionTest } from "./connection-test";
import { SOURCE_LABEL } from "./source-label";
import { useSaveLlmSettings } from "./use-save-llm-settings";

type Task = "label" | "generate" | "embed";
const TASKS: { task: Task; label: string; hint: string }[] = [
  { task: "label", label: "Labeling model", hint: "LLM labeling campaigns" },
  { task: "generate", label: "Generation model", hint: "Synthetic textbooks and exercises (coming)" },
  { task: "embed", label: "Embedding model", hint: "Embeddings (coming)" },
];

/** What is saved in Syllabus for each field ("" when the environment or the default applies). */
function savedValues(s: LlmSettingsView) {
  const saved = <T,>(v: { value: T; source: string }) => (v.source === "settings" ? String(v.value ?? "") : "");
  return {
    baseUrl: saved(s.baseUrl),
    models: { label: saved(s.models.label), generate: saved(s.models.generate), embed: saved(s.models.embed) },
    timeoutMs: saved(s.timeoutMs),
  };
}

/**
 * Each field holds the value saved in Syllabus; leaving it empty falls back to the environment, then to the
 * built-in default, both shown as the placeholder.
 */
export function LlmSettingsForm({ settings }: { settings: LlmSettingsView }) {
  const save = useSaveLlmSettings();
  const initial = savedValues(settings);
  const [baseUrl, setBaseUrl] = useState(initial.baseUrl);
  const [models, setModels] = useState(initial.models);
  const [timeoutMs, setTimeoutMs] = useState(initial.timeoutMs);
  const [key, setKey] = useState<KeyEdit>({ mode: "keep" });
  const [saved, setSaved] = useState(false);

  const patch: TSaveLlmSettings = {};
  if (baseUrl.trim() !== initial.baseUrl) patch.baseUrl = baseUrl.trim() || null;
  if (key.mode === "replace" && key.value.trim()) patch.apiKey = key.value.trim();
  if (key.mode === "clear") patch.apiKey = null;
  const changedModels = TASKS.filter(({ task }) => models[task].trim() !== initial.models[task]);
  if (changedModels.length) patch.models = Object.fromEntries(changedModels.map(({ task }) => [task, models[task].trim() || null]));
  const timeoutProblem = timeoutMs.trim() && !/^\d+$/.test(timeoutMs.trim()) ? "Timeout must be a whole number of milliseconds." : null;
  if (!timeoutProblem && timeoutMs.trim() !== initial.timeoutMs) patch.timeoutMs = timeoutMs.trim() ? Number(timeoutMs) : null;
  const dirty = Object.keys(patch).length > 0;

  const fallback = (env: string | number | null, def: string | number | null) => (env !== null ? `from environment: ${env}` : def !== null ? `default: ${def}` : "not set");

  return (
    <form
      className="space-y-4"
      data-testid="llm-settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!dirty || timeoutProblem) return;
        setSaved(false);
        save.mutate(patch, {
          onSuccess: (next) => {
            // The server normalizes (e.g. drops a trailing slash): show what it saved, so the form is clean.
            const now = savedValues(next);
            setBaseUrl(now.baseUrl);
            setModels(now.models);
            setTimeoutMs(now.timeoutMs);
            setKey({ mode: "keep" });
            setSaved(true);
          },
        });
      }}
    >
      <Field label="Base URL" hint={<>Any OpenAI-compatible server, e.g. <span className="font-mono">http://localhost:11434/v1</span>. Now: {settings.baseUrl.value ?? "https://api.openai.com/v1 (OpenAI)"} — {SOURCE_LABEL[settings.baseUrl.source]}.</>}>
        <Input name="baseUrl" type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder={fallback(settings.baseUrl.env, "https://api.openai.com/v1")} data-testid="llm-base-url" />
      </Field>
      <ApiKeyField apiKey={settings.apiKey} edit={key} onChange={setKey} />
      <div className="grid gap-3 sm:grid-cols-3">
        {TASKS.map(({ task, label, hint }) => (
          <Field key={task} label={label} hint={`${hint}. Now: ${settings.models[task].value} (${SOURCE_LABEL[settings.models[task].source]})`}>
            <Input name={`model-${task}`} value={models[task]} onChange={(e) => setModels({ ...models, [task]: e.target.value })} placeholder={fallback(settings.models[task].env, settings.models[task].default)} data-testid={`llm-model-${task}`} />
          </Field>
        ))}
      </div>
      <div className="max-w-xs">
        <Field label="Request timeout (ms)" hint={`Per request; slow local models may need more. Now: ${settings.timeoutMs.value} ms (${SOURCE_LABEL[settings.timeoutMs.source]})`}>
          <Input name="timeoutMs" inputMode="numeric" value={timeoutMs} onChange={(e) => setTimeoutMs(e.target.value)} placeholder={fallback(settings.timeoutMs.env, settings.timeoutMs.default)} data-testid="llm-timeout" />
        </Field>
      </div>
      {timeoutProblem && <Alert tone="error">{timeoutProblem}</Alert>}
      {save.error && <Alert tone="error">{save.error.message}</Alert>}
      {saved && !dirty && <Alert tone="success">Settings saved. Running workers pick them up with their next campaign.</Alert>}
      <div className="flex flex-wrap items-start justify-between gap-3 border-t border-slate-100 pt-3">
        <ConnectionTest disabled={dirty} />
        <Button type="submit" disabled={!dirty || !!timeoutProblem || save.isPending} data-testid="save-llm-settings">
          {save.isPending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
