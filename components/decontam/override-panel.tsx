"use client";

import { useState } from "react";
import type { SnippetContamination } from "@/lib/decontam/types";
import { inputClass } from "../ui/field";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { useCan } from "../user-context";
import { dateTime } from "./format";
import { useContamOverride } from "./use-contam-override";

/**
 * Whether exports exclude the snippet, and the reviewer's override: annotators and admins keep a flagged
 * snippet with a required note, or remove an override; viewers see the decision.
 */
export function OverridePanel({ data }: { data: SnippetContamination }) {
  const canOverride = useCan("annotator");
  const mutation = useContamOverride(data.snippet.id);
  const [note, setNote] = useState("");
  const o = data.override;
  return (
    <div className="space-y-2" data-testid="override-panel">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {data.excluded ? (
          <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800" data-testid="export-status" data-status="excluded">Excluded from exports</span>
        ) : o ? (
          <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900" data-testid="export-status" data-status="overridden">Kept in exports by override</span>
        ) : (
          <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800" data-testid="export-status" data-status="clean">Not flagged</span>
        )}
      </div>
      {o && (
        <div className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200" data-testid="override-note">
          <div className="text-xs text-amber-800">
            Override by {o.userName || o.userEmail || o.userId} · {dateTime(o.createdAt)}
          </div>
          <p className="mt-0.5 whitespace-pre-wrap">{o.note}</p>
          {canOverride && (
            <Button variant="secondary" className="mt-2 px-2 py-0.5 text-xs" disabled={mutation.isPending} onClick={() => mutation.mutate(null)} data-testid="override-remove">
              Remove override
            </Button>
          )}
        </div>
      )}
      {!o && data.snippet.contaminated && canOverride && (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) mutation.mutate(note.trim(), { onSuccess: () => setNote("") });
          }}
          data-testid="override-form"
        >
          <label className="block space-y-1">
            <span className="text-xs font-medium text-slate-600">Keep in exports anyway — why? (required)</span>
            <textarea
              className={`${inputClass} min-h-16`}
              value={note}
              maxLength={2000}
              required
              onChange={(e) => setNote(e.target.value)}
              placeholder="e.g. the shared lines are a standard idiom, not the benchmark's task"
              aria-label="Override note"
              data-testid="override-note-input"
            />
          </label>
          <Button type="submit" variant="secondary" disabled={!note.trim() || mutation.isPending} data-testid="override-save">
            Keep in exports
          </Button>
        </form>
      )}
      {!o && data.snippet.contaminated && !canOverride && <p className="text-xs text-slate-500">Annotators and admins can keep a flagged snippet in exports with a note.</p>}
      {mutation.error && <Alert tone="error">{mutation.error.message}</Alert>}
    </div>
  );
}
