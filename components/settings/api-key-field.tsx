"use client";

import type { LlmSettingsView } from "@/lib/llm/describe-llm-settings";
import { Button } from "../ui/button";
import { Input } from "../ui/field";

export type KeyEdit = { mode: "keep" } | { mode: "replace"; value: string } | { mode: "clear" };

/** Write-only: shows whether a key is set and where from, never the key itself. */
export function ApiKeyField({ apiKey, edit, onChange }: { apiKey: LlmSettingsView["apiKey"]; edit: KeyEdit; onChange: (edit: KeyEdit) => void }) {
  const state = apiKey.source === "settings" ? "set in Syllabus" : apiKey.source === "env" ? "set (from environment)" : "not set";
  return (
    <div className="space-y-1.5">
      <span className="text-xs font-medium text-slate-600" id="api-key-label">API key</span>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span data-testid="api-key-state" className={`rounded px-2 py-0.5 text-xs font-medium ${apiKey.set ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-600"}`}>
          {edit.mode === "clear" ? (apiKey.envSet ? "will fall back to the environment's key" : "will be cleared") : state}
        </span>
        {edit.mode === "keep" && (
          <>
            <Button type="button" variant="secondary" onClick={() => onChange({ mode: "replace", value: "" })} data-testid="api-key-replace">
              {apiKey.set ? "Replace" : "Set key"}
            </Button>
            {apiKey.source === "settings" && (
              <Button type="button" variant="ghost" onClick={() => onChange({ mode: "clear" })} data-testid="api-key-clear">
                Clear saved key
              </Button>
            )}
          </>
        )}
        {edit.mode !== "keep" && (
          <Button type="button" variant="ghost" onClick={() => onChange({ mode: "keep" })}>
            Cancel
          </Button>
        )}
      </div>
      {edit.mode === "replace" && (
        <Input
          type="password"
          autoComplete="off"
          aria-labelledby="api-key-label"
          placeholder="sk-… (stored encrypted; it will not be shown again)"
          value={edit.value}
          onChange={(e) => onChange({ mode: "replace", value: e.target.value })}
          data-testid="api-key-input"
          autoFocus
        />
      )}
      {apiKey.problem && <p className="text-xs text-red-700">{apiKey.problem}</p>}
      <p className="text-xs text-slate-500">Local servers (Ollama, vLLM, llama.cpp) need no key: a base URL is enough.</p>
    </div>
  );
}
