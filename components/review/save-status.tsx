"use client";

import type { SaveFailure } from "./use-label-saves";

/** Compact, announced save state: "Saving…", "All changes saved", or the number of failed saves. */
export function SaveStatus({ pending, failed, savedOnce }: { pending: number; failed: number; savedOnce: boolean }) {
  const [text, tone] =
    failed > 0 ? [`${failed} save${failed > 1 ? "s" : ""} failed`, "text-red-700"]
    : pending > 0 ? ["Saving…", "text-slate-500"]
    : savedOnce ? ["All changes saved", "text-emerald-700"]
    : ["", "text-slate-500"];
  return (
    <span className={`min-w-32 text-right text-xs ${tone}`} role="status" aria-live="polite" data-testid="save-status" data-pending={pending} data-failed={failed}>
      {text}
    </span>
  );
}

/** Failed saves, bottom right, until retried or explicitly discarded. */
export function SaveFailures({ failures, onRetry, onRetryAll, onDiscard }: { failures: ReadonlyMap<number, SaveFailure>; onRetry(id: number): void; onRetryAll(): void; onDiscard(id: number): void }) {
  if (failures.size === 0) return null;
  return (
    <div className="fixed right-4 bottom-4 z-30 w-96 space-y-2" role="alert" data-testid="save-failures">
      {[...failures.entries()].map(([id, f]) => (
        <div key={id} className="rounded-md border border-red-200 bg-white p-3 text-sm shadow-lg">
          <div className="font-medium text-red-800">
            Could not {f.op.kind === "delete" ? "undo the label on" : "save the label for"} #{id}
          </div>
          <div className="mt-0.5 text-xs text-slate-600">{f.error}</div>
          <div className="mt-2 flex gap-2">
            <button className="rounded bg-red-600 px-2 py-1 text-xs font-medium text-white hover:bg-red-500" onClick={() => onRetry(id)}>Retry</button>
            <button
              className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100"
              onClick={() => window.confirm(`Discard the unsaved change on #${id}? It will be lost.`) && onDiscard(id)}
            >
              Discard
            </button>
          </div>
        </div>
      ))}
      {failures.size > 1 && (
        <button className="w-full rounded-md bg-red-600 py-1.5 text-xs font-medium text-white shadow hover:bg-red-500" onClick={onRetryAll}>
          Retry all {failures.size}
        </button>
      )}
    </div>
  );
}
