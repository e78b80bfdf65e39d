import { Kbd } from "@/components/review/cheatsheet";
import type { SyntheticParts } from "@/lib/synthetic/compose-content";
import type { ReviewItem } from "@/lib/synthetic/review/types";

export type EditDraft = { baseVersion: number; parts: SyntheticParts };

const FIELDS = {
  textbook: [
    { key: "title", label: "Title", rows: 1 },
    { key: "text", label: "Text (markdown with ```python blocks)", rows: 24 },
  ],
  exercise: [
    { key: "prompt", label: "Prompt (signature + docstring)", rows: 10 },
    { key: "solution", label: "Solution", rows: 10 },
    { key: "tests", label: "Tests", rows: 6 },
  ],
} as const;

/** Textareas for the item's parts. Ctrl/Cmd+Enter saves a new version; Esc cancels (keys handled by the workspace). */
export function EditForm({ item, draft, saving, error, onChange, onSave, onCancel }: { item: ReviewItem; draft: EditDraft; saving: boolean; error: string | null; onChange: (parts: SyntheticParts) => void; onSave: () => void; onCancel: () => void }) {
  return (
    <section className="space-y-3 rounded-lg border border-indigo-200 bg-white p-4 shadow-sm" aria-label="Edit item" data-testid="edit-form">
      <div className="flex items-center gap-2 text-sm">
        <h2 className="font-semibold text-slate-800">Editing v{draft.baseVersion}</h2>
        <span className="text-xs text-slate-500">saves as v{draft.baseVersion + 1}</span>
      </div>
      {FIELDS[item.kind].map((f) => (
        <label key={f.key} className="block space-y-1">
          <span className="text-xs font-medium text-slate-600">{f.label}</span>
          <textarea
            className="block w-full rounded-md border-0 bg-white px-2.5 py-1.5 font-mono text-[13px] leading-snug text-slate-900 ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
            rows={f.rows}
            spellCheck={f.key === "text" || f.key === "title"}
            value={draft.parts[f.key] ?? ""}
            onChange={(e) => onChange({ ...draft.parts, [f.key]: e.target.value })}
            autoFocus={f.key === FIELDS[item.kind][1].key}
            data-testid={`edit-${f.key}`}
            aria-label={f.label}
          />
        </label>
      ))}
      {error && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200" role="alert" data-testid="edit-error">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100" onClick={onCancel} data-testid="edit-cancel">
          Cancel <Kbd>Esc</Kbd>
        </button>
        <button className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50" onClick={onSave} disabled={saving} data-testid="edit-save">
          {saving ? "Saving…" : <>Save v{draft.baseVersion + 1} <Kbd tone="dark">Ctrl+Enter</Kbd></>}
        </button>
      </div>
    </section>
  );
}
