"use client";

import { useState } from "react";
import { PROMPT_TASK_NAMES, PROMPT_TASKS, type PromptTask } from "@/lib/llm/prompts/create-prompt-version.types";
import type { PromptView } from "@/lib/llm/prompts/prompt-view";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { useCan } from "../user-context";
import { nextVersionName } from "./next-version-name";
import { PromptDetail } from "./prompt-detail";
import { PromptEditor } from "./prompt-editor";
import { usePrompts } from "./use-prompts";

export function PromptsView({ initialTask = "edu-score" }: { initialTask?: PromptTask }) {
  const [task, setTask] = useState<PromptTask>(initialTask);
  return (
    <div className="space-y-4">
      <div className="flex gap-1 border-b border-slate-200" role="tablist" aria-label="Prompt task">
        {PROMPT_TASK_NAMES.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={t === task}
            onClick={() => setTask(t)}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${t === task ? "border-indigo-600 font-medium text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            data-testid={`prompt-task-${t}`}
          >
            {PROMPT_TASKS[t].label} <span className="font-mono text-xs text-slate-400">{t}</span>
          </button>
        ))}
      </div>
      <TaskPrompts key={task} task={task} />
    </div>
  );
}

function TaskPrompts({ task }: { task: PromptTask }) {
  const canEdit = useCan("admin");
  const prompts = usePrompts(task);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editing, setEditing] = useState<PromptView | null>(null);

  if (prompts.error) return <Alert tone="error">{prompts.error.message}</Alert>;
  if (!prompts.data) return <div className="h-64 animate-pulse rounded-lg bg-slate-200/60" />;
  const list = prompts.data;
  const selected = list.find((p) => p.id === selectedId) ?? list.find((p) => p.isDefault) ?? list[0];

  return (
    <div className="grid gap-4 lg:grid-cols-[16rem_1fr]">
      <Card title={`${PROMPT_TASKS[task].label} (${task})`}>
        <ul className="space-y-1" data-testid="prompt-versions" aria-label="Prompt versions">
          {list.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                onClick={() => {
                  setSelectedId(p.id);
                  setEditing(null);
                }}
                aria-current={p.id === selected?.id ? "true" : undefined}
                className={`flex w-full items-center justify-between gap-2 rounded px-2 py-1.5 text-left text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 ${p.id === selected?.id ? "bg-slate-100 font-medium text-slate-900" : "text-slate-700 hover:bg-slate-50"}`}
                data-testid={`prompt-version-${p.version}`}
              >
                <span className="truncate font-mono text-xs">{p.version}</span>
                {p.isDefault && <span className="rounded bg-indigo-100 px-1.5 py-0.5 text-xs text-indigo-800" data-testid="default-badge">default</span>}
              </button>
            </li>
          ))}
        </ul>
        {!canEdit && <p className="mt-3 text-xs text-slate-500">Only admins can add versions or change the default.</p>}
      </Card>
      {editing ? (
        <PromptEditor
          key={editing.id}
          base={editing}
          suggestedName={nextVersionName(editing.version, list.map((p) => p.version))}
          onDone={(created) => {
            setEditing(null);
            if (created) setSelectedId(created.id);
          }}
        />
      ) : (
        selected && <PromptDetail key={selected.id} prompt={selected} canEdit={canEdit} onNewVersion={() => setEditing(selected)} />
      )}
    </div>
  );
}
