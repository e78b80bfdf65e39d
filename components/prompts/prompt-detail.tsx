"use client";

import type { PromptView } from "@/lib/llm/prompts/prompt-view";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { PromptPreviewPanel } from "./prompt-preview-panel";
import { useSetDefaultPrompt } from "./use-set-default-prompt";

/** A saved version, read-only: versions never change once saved. */
export function PromptDetail({ prompt, canEdit, onNewVersion }: { prompt: PromptView; canEdit: boolean; onNewVersion: () => void }) {
  const makeDefault = useSetDefaultPrompt();
  return (
    <Card
      title={<span data-testid="prompt-title">Version {prompt.version}</span>}
      actions={
        canEdit && (
          <div className="flex gap-2">
            {!prompt.isDefault && (
              <Button type="button" variant="secondary" onClick={() => makeDefault.mutate(prompt.id)} disabled={makeDefault.isPending} data-testid="make-default">
                Make default
              </Button>
            )}
            <Button type="button" onClick={onNewVersion} data-testid="new-version">New version from this</Button>
          </div>
        )
      }
    >
      <div className="space-y-3">
        <p className="text-xs text-slate-500">
          {prompt.builtin ? "Built in" : `Created by ${prompt.createdBy ?? "unknown"}`} · {new Date(prompt.createdAt).toLocaleString()}
          {prompt.task === "edu-score" && ` · code over ${prompt.maxCodeChars.toLocaleString()} characters is truncated`}
          {prompt.isDefault && ` · default for new ${prompt.task === "edu-score" ? "labeling" : "generation"} campaigns`}
        </p>
        {prompt.notes && <p className="text-sm text-slate-700">{prompt.notes}</p>}
        {makeDefault.error && <Alert tone="error">{makeDefault.error.message}</Alert>}
        <div>
          <div className="text-xs font-medium uppercase tracking-wide text-slate-500">System message</div>
          <pre className="whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800 ring-1 ring-slate-200" data-testid="prompt-system">{prompt.system}</pre>
        </div>
        <div>
          <div className="text-xs font-medium uppercase tracking-wide text-slate-500">User message template</div>
          <pre className="whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800 ring-1 ring-slate-200" data-testid="prompt-template">{prompt.template}</pre>
        </div>
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600">{prompt.task === "edu-score" ? "Preview on a snippet" : "Preview on sample constraints"}</summary>
          <div className="pt-2">
            <PromptPreviewPanel source={{ promptId: prompt.id }} task={prompt.task} />
          </div>
        </details>
      </div>
    </Card>
  );
}
