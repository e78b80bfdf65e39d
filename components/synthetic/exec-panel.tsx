import { Kbd } from "@/components/review/cheatsheet";
import type { ExecRunView } from "@/lib/synthetic/execute/types";
import type { ReviewItem } from "@/lib/synthetic/review/types";
import { ExecStatusBadge } from "./exec-status-badge";

export type ExecState = { phase: "idle" } | { phase: "starting" } | { phase: "running"; run: ExecRunView; waitingMs: number } | { phase: "error"; message: string };

/** The item's last execution (pass/fail, output, time, stale when edited since) and the "execute now" button. */
export function ExecPanel({ item, state, canRun, onRun }: { item: ReviewItem; state: ExecState; canRun: boolean; onRun: () => void }) {
  const { exec } = item;
  const busy = state.phase === "starting" || state.phase === "running";
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm" aria-label="Execution" data-testid="exec-panel">
      <header className="flex items-center gap-2 border-b border-slate-100 px-4 py-2">
        <h2 className="text-sm font-semibold text-slate-800">Execution</h2>
        <ExecStatusBadge status={exec.status} />
        {exec.stale && (
          <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800 ring-1 ring-amber-200" data-testid="exec-stale" title={`Ran on v${exec.version}; the item is now v${item.version}`}>
            stale (v{exec.version})
          </span>
        )}
        {canRun && (
          <button
            className="ml-auto rounded-md px-2 py-1 text-xs text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-50"
            onClick={onRun}
            disabled={busy}
            data-testid="execute-button"
            aria-label="Execute now (x)"
          >
            {busy ? "Running…" : <>Execute <Kbd>x</Kbd></>}
          </button>
        )}
      </header>
      <div className="space-y-2 px-4 py-3 text-sm">
        {state.phase === "running" && (
          <p className="text-xs text-sky-800" data-testid="exec-running" role="status">
            {state.run.status === "queued" ? (state.waitingMs > 10_000 ? "Waiting for a worker — is one running? (npx syllabus worker)" : "Queued…") : "Running in the sandbox…"}
          </p>
        )}
        {state.phase === "error" && <p className="text-xs text-red-700" role="alert">{state.message}</p>}
        {exec.at ? (
          <>
            <p className="text-xs text-slate-500">
              {new Date(exec.at).toLocaleString()} · v{exec.version}
              {exec.ms !== null ? ` · ${(exec.ms / 1000).toFixed(2)} s` : ""}
            </p>
            <pre className="max-h-72 overflow-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs leading-relaxed whitespace-pre-wrap text-slate-100" data-testid="exec-output">
              {exec.output || "(no output)"}
            </pre>
          </>
        ) : (
          <p className="text-xs text-slate-500">Never executed.{item.kind === "exercise" ? " Runs prompt + solution + tests with python3 in the sandbox." : " Runs the section's ```python blocks in order."}</p>
        )}
      </div>
    </section>
  );
}
