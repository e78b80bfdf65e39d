"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api";
import { useCan } from "@/components/user-context";
import type { ExecRunView, ExecScope } from "@/lib/synthetic/execute/types";

const ACTIVE = new Set(["queued", "running"]);

/** The dataset's latest execution run (live while it runs) and, for admins, buttons to start one. */
export function DatasetExecControl({ datasetId }: { datasetId: number }) {
  const isAdmin = useCan("admin");
  const qc = useQueryClient();
  const key = ["synthetic", "exec-runs", datasetId] as const;
  const runs = useQuery({
    queryKey: key,
    queryFn: () => api<{ runs: ExecRunView[] }>(`/api/exec-runs?datasetId=${datasetId}&limit=10`),
    refetchInterval: (q) => (q.state.data?.runs.some((r) => ACTIVE.has(r.status)) ? 1000 : false),
  });
  const start = useMutation({
    mutationFn: (scope: ExecScope) => api<{ run: ExecRunView }>("/api/exec-runs", { method: "POST", body: { datasetId, scope } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  const last = runs.data?.runs.find((r) => r.snippetId === null);
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600" data-testid="dataset-exec">
      {last && (
        <span data-testid="dataset-exec-run" data-status={last.status}>
          Execution run #{last.id}: <b>{last.status}</b> · {last.done}/{last.total} · <span className="text-emerald-700">{last.passed} passed</span> · <span className="text-red-700">{last.failed} not passed</span>
        </span>
      )}
      {isAdmin && (
        <>
          {(["unrun", "failed", "all"] as const).map((scope) => (
            <button key={scope} className="rounded px-2 py-0.5 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-50" disabled={start.isPending || (last && ACTIVE.has(last.status))} onClick={() => start.mutate(scope)} data-testid={`exec-run-${scope}`}>
              {scope === "unrun" ? "Execute unrun" : scope === "failed" ? "Re-run failed" : "Execute all"}
            </button>
          ))}
        </>
      )}
      {start.error && <span className="text-red-700" role="alert">{start.error.message}</span>}
    </div>
  );
}
