import type { ModelStatus, ScoreRunStatus } from "@/lib/classifier/types";
import { StatusBadge } from "../ui/status-badge";

/** Status of a model version or of a score run. */
export function ModelStatusBadge({ status, testId = "model-status" }: { status: ModelStatus | ScoreRunStatus; testId?: string }) {
  return <StatusBadge status={status} testId={testId} />;
}

export function ActiveBadge() {
  return <span className="rounded bg-indigo-600 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-white uppercase" data-testid="active-badge">active</span>;
}
