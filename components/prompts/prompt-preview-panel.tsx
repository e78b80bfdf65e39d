"use client";

import { useMemo, useState } from "react";
import type { TPreviewPrompt } from "@/lib/llm/prompts/preview-prompt";
import { useDebouncedValue } from "../snippets/use-debounced-value";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";
import { usePromptPreview } from "./use-prompt-preview";

type PromptSource = Pick<TPreviewPrompt, "promptId" | "draft">;

/** The rendered messages and their token count, on a sample snippet or on code pasted here. */
export function PromptPreviewPanel({ source, task = "edu-score" }: { source: PromptSource | null; task?: string }) {
  const generation = task !== "edu-score";
  const [pasting, setPasting] = useState(false);
  const [code, setCode] = useState("");
  // Debounce the serialized input: a fresh object every render would never settle.
  const serialized = JSON.stringify(source ? { ...source, ...(pasting && code.trim() ? { code } : {}) } : null);
  const debounced = useDebouncedValue(serialized, 300);
  const preview = usePromptPreview(useMemo(() => JSON.parse(debounced) as TPreviewPrompt | null, [debounced]));
  const p = preview.data;
  return (
    <div className="space-y-2" data-testid="prompt-preview">
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600">
        <span>
          {p ? (
            <>
              On{" "}
              {p.constraints ? (
                <>
                  topic “{p.constraints.topic}”, audience “{p.constraints.audience}”{task === "exercise" && <>, function <code>{p.constraints.functionName}</code></>}
                </>
              ) : p.snippet && p.snippet.id !== null ? (
                <>snippet #{p.snippet.id} of {p.snippet.datasetName} ({p.snippet.path ?? "no path"}, {p.snippet.language})</>
              ) : (
                "the pasted code"
              )}{" "}
              ·{" "}
              <strong data-testid="preview-tokens">{p.tokens.total.toLocaleString()} prompt tokens</strong> (o200k_base)
              {p.truncated && <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">code truncated</span>}
            </>
          ) : (
            "Preview"
          )}
          {preview.isFetching && <span className="ml-2 text-slate-400">updating…</span>}
        </span>
        {!generation && (
          <Button type="button" variant="ghost" onClick={() => setPasting(!pasting)} aria-expanded={pasting}>
            {pasting ? "Use the sample snippet" : "Preview on pasted code"}
          </Button>
        )}
      </div>
      {pasting && <textarea aria-label="Code to preview on" rows={5} value={code} onChange={(e) => setCode(e.target.value)} placeholder="Paste code here" className={`${inputClass} font-mono text-xs`} />}
      {!source && <p className="text-sm text-slate-500">Fix the errors above to see the preview.</p>}
      {preview.error && <Alert tone={preview.error.message.includes("paste some code") ? "info" : "error"}>{preview.error.message}</Alert>}
      {p &&
        p.messages.map((m) => (
          <div key={m.role}>
            <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{m.role}</div>
            <pre className="max-h-72 overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800 ring-1 ring-slate-200">{m.content}</pre>
          </div>
        ))}
    </div>
  );
}
