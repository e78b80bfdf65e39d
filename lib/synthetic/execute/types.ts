import type { SandboxStatus } from "@/lib/sandbox/types";

export type ExecScope = "all" | "unrun" | "failed";
export const EXEC_SCOPES: readonly ExecScope[] = ["all", "unrun", "failed"];
export type ExecRunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export type ExecRunView = {
  id: number;
  datasetId: number;
  datasetName: string;
  /** A one-item run (the review page's "execute now"), or null for a dataset run. */
  snippetId: number | null;
  scope: ExecScope;
  status: ExecRunStatus;
  total: number;
  done: number;
  passed: number;
  failed: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  job: { id: number; status: string; attempt: number; maxAttempts: number; error: string | null; cancelRequested: boolean } | null;
};

/** An item's last execution, as the review page shows it. */
export type ExecResultView = {
  status: SandboxStatus | null;
  output: string | null;
  ms: number | null;
  at: string | null;
  version: number | null;
  /** The item was edited after this result was produced. */
  stale: boolean;
};
