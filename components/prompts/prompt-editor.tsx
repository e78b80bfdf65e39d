"use client";

import { useState } from "react";
import { z } from "zod";
import { PROMPT_TASKS, templateProblems, ZCreatePromptVersion, type PromptTask } from "@/lib/llm/prompts/create-prompt-version.types";
import type { PromptView } from "@/lib/llm/prompts/prompt-view";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Field, Input, inputClass } from "../ui/field";
import { PromptPreviewPanel } from "./prompt-preview-panel";
import { useCreatePrompt } from "./use-create-prompt";

/** Saves a new version based on another; the original stays as it was, since labels refer to it. */
export function PromptEditor({ base, suggestedName, onDone }: { base: PromptView; suggestedName: string; onDone: (created: PromptView | null) => void }) {
  const create = useCreatePrompt();
  const [version, setVersion] = useState(suggestedName);
  const [system, setSystem] = useState(base.system);
  const [template, setTemplate] = useState(base.template);
  const [maxCodeChars, setMaxCodeChars] = useState(String(base.maxCodeChars));
  const [notes, setNotes] = useState("");
  const [makeDefault, setMakeDefault] = useState(false);

  const task = base.task as PromptTask;
  const spec = PROMPT_TASKS[task];
  const input = { task, version, system, template, maxCodeChars: Number(maxCodeChars), notes, makeDefault };
  const parsed = ZCreatePromptVersion.safeParse(input);
  const problems = parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => i.message))];
  const draft =
    z.object({ template: ZCreatePromptVersion.shape.template, maxCodeChars: ZCreatePromptVersion.shape.maxCodeChars }).safeParse(input).success && templateProblems(task, template).length === 0
      ? { draft: { task, system, template, maxCodeChars: Number(maxCodeChars) } }
      : null;

  return (
    <Card title={`New version based on ${base.version}`}>
      <form
        className="space-y-3"
        data-testid="prompt-editor"
        onSubmit={(e) => {
          e.preventDefault();
          if (!parsed.success) return;
          create.mutate(input, { onSuccess: (created) => onDone(created) });
        }}
      >
        <div className={`grid gap-3 ${task === "edu-score" ? "sm:grid-cols-[1fr_10rem]" : ""}`}>
          <Field label="Version name" hint={`Letters, digits, dot, dash, underscore; at most 40. ${task === "edu-score" ? "Labels" : "Campaigns"} record it, so it cannot be reused.`}>
            <Input value={version} onChange={(e) => setVersion(e.target.value)} maxLength={40} required data-testid="prompt-version-name" />
          </Field>
          {task === "edu-score" && (
            <Field label="Max code characters" hint="Longer code keeps its head">
              <Input inputMode="numeric" value={maxCodeChars} onChange={(e) => setMaxCodeChars(e.target.value)} data-testid="prompt-max-chars" />
            </Field>
          )}
        </div>
        <Field label="System message">
          <textarea rows={6} value={system} onChange={(e) => setSystem(e.target.value)} className={`${inputClass} font-mono text-xs`} data-testid="prompt-system-input" />
        </Field>
        <Field
          label="User message template"
          hint={
            <>
              Placeholders:{" "}
              {spec.placeholders.map((p, i) => (
                <span key={p}>
                  {i > 0 && ", "}
                  <code>{`{{${p}}}`}</code>
                  {(spec.required as readonly string[]).includes(p) && " (required)"}
                </span>
              ))}
              .
            </>
          }
        >
          <textarea rows={14} value={template} onChange={(e) => setTemplate(e.target.value)} className={`${inputClass} font-mono text-xs`} data-testid="prompt-template-input" />
        </Field>
        <Field label="Notes" hint="What changed and why">
          <Input value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={2000} />
        </Field>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={makeDefault} onChange={(e) => setMakeDefault(e.target.checked)} data-testid="prompt-make-default" /> Make it the default for new campaigns
        </label>
        {problems.length > 0 && (
          <Alert tone="warning">
            <ul className="list-inside list-disc">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
          </Alert>
        )}
        {create.error && <Alert tone="error">{create.error.message}</Alert>}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onDone(null)}>Cancel</Button>
          <Button type="submit" disabled={!parsed.success || create.isPending} data-testid="save-prompt">{create.isPending ? "Saving…" : "Save new version"}</Button>
        </div>
        <div className="border-t border-slate-100 pt-3">
          <PromptPreviewPanel source={draft} task={task} />
        </div>
      </form>
    </Card>
  );
}
